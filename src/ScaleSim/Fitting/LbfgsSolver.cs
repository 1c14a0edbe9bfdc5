using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace ScaleSim.Fitting;

/// <summary>
/// L-BFGS with analytic gradients (MathNet.Numerics' <see cref="LimitedMemoryBfgsMinimizer"/>), as Hoffmann et al.
/// used from each start. A start the optimiser cannot finish (line-search failure, iteration limit, non-finite values)
/// is reported as not converged, never thrown.
/// </summary>
public sealed class LbfgsSolver
{
    /// <summary>Gradient tolerance, relative to max(|f|, 1) and scaled by max(|θ_i|, 1).</summary>
    public double GradientTolerance { get; init; } = 1e-9;

    /// <summary>Stop when no coordinate moves by more than this (relative) in an iteration.</summary>
    public double ParameterTolerance { get; init; } = 1e-10;

    /// <summary>Stop when the objective improves by less than this in an iteration.</summary>
    public double FunctionProgressTolerance { get; init; } = 1e-13;

    /// <summary>Maximum iterations per start.</summary>
    public int MaxIterations { get; init; } = 1000;

    /// <summary>Number of correction pairs L-BFGS keeps.</summary>
    public int Memory { get; init; } = 10;

    /// <summary>Minimises <paramref name="objective"/> from <paramref name="start"/>.</summary>
    public LocalFit Minimize(IObjective objective, double[] start)
    {
        int p = start.Length;
        var gradient = new double[p];
        var function = ObjectiveFunction.Gradient(x =>
        {
            double value = objective.Evaluate(((MathNet.Numerics.LinearAlgebra.Double.DenseVector)x).Values, gradient);
            if (!double.IsFinite(value)) value = double.MaxValue;
            return (value, Vector<double>.Build.Dense((double[])gradient.Clone()));
        });
        var minimizer = new LimitedMemoryBfgsMinimizer(GradientTolerance, ParameterTolerance, FunctionProgressTolerance, Memory, MaxIterations);
        try
        {
            var result = minimizer.FindMinimum(function, Vector<double>.Build.DenseOfArray((double[])start.Clone()));
            var theta = result.MinimizingPoint.ToArray();
            double value = result.FunctionInfoAtMinimum.Value;
            bool ok = double.IsFinite(value) && value < double.MaxValue && theta.All(double.IsFinite);
            return new LocalFit(theta, ok ? value : double.PositiveInfinity, ok, result.Iterations);
        }
        catch (Exception e) when (e is MaximumIterationsException or OptimizationException or ArithmeticException or ArgumentException)
        {
            // MathNet throws instead of returning the last iterate; the start is recorded as failed.
            return new LocalFit(start, double.PositiveInfinity, false, MaxIterations);
        }
    }
}
