using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ScaleSim.Fitting;

/// <summary>
/// Hoffmann et al. (2022), Eq. 3: the sum (not the mean) over runs of Huber_δ(log L̂ − log L), with δ = 1e-3 by
/// default, as Epoch AI replicated it. Huber_δ(r) = r²/2 for |r| ≤ δ, δ·(|r| − δ/2) beyond.
/// One instance holds scratch buffers, so use one per thread.
/// </summary>
public sealed class HuberLogLoss : IObjective
{
    private readonly ILogLossModel _model;
    private readonly FitData _data;
    private readonly double[] _prediction;
    private readonly double[] _jacobian;

    /// <summary>Creates the objective of <paramref name="model"/> on <paramref name="data"/>.</summary>
    public HuberLogLoss(ILogLossModel model, FitData data, double delta = 1e-3)
    {
        if (!(delta > 0)) throw new ArgumentOutOfRangeException(nameof(delta), "Huber delta must be positive");
        _model = model;
        _data = data;
        Delta = delta;
        _prediction = new double[data.Count];
        _jacobian = new double[data.Count * model.ParameterCount];
    }

    /// <summary>The Huber threshold δ.</summary>
    public double Delta { get; }

    /// <inheritdoc />
    public int ParameterCount => _model.ParameterCount;

    /// <summary>The objective at θ, writing its gradient into <paramref name="gradient"/>.</summary>
    // Optimised from the first call, as ChinchillaLseModel.Predict is: these run once per objective evaluation.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double Evaluate(ReadOnlySpan<double> theta, Span<double> gradient)
    {
        _model.Predict(theta, _data, _prediction, _jacobian);
        int n = _prediction.Length;
        // Turn predictions into Huber slopes in place; the gradient is then Jacobianᵀ · slopes.
        double total = HuberSlopes(_prediction, _data.LogLoss, Delta);
        for (int k = 0; k < _model.ParameterCount; k++)
            gradient[k] = Dot(_jacobian.AsSpan(k * n, n), _prediction);
        return total;
    }

    /// <summary>
    /// Sums Huber_δ(prediction − target) and overwrites each prediction with the Huber derivative clamp(r, −δ, δ).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double HuberSlopes(Span<double> prediction, ReadOnlySpan<double> target, double delta)
    {
        int i = 0, n = prediction.Length;
        double total = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            var vDelta = Vector512.Create(delta);
            var half = Vector512.Create(0.5);
            var acc = Vector512<double>.Zero;
            for (; i <= n - 8; i += 8)
            {
                var r = Vector512.Create(prediction.Slice(i, 8)) - Vector512.Create(target.Slice(i, 8));
                var abs = Vector512.Abs(r);
                var inside = Vector512.LessThanOrEqual(abs, vDelta);
                acc += Vector512.ConditionalSelect(inside, half * r * r, vDelta * (abs - half * vDelta));
                Vector512.Min(Vector512.Max(r, -vDelta), vDelta).CopyTo(prediction.Slice(i, 8));
            }
            total = Vector512.Sum(acc);
        }
        for (; i < n; i++)
        {
            double r = prediction[i] - target[i], abs = Math.Abs(r);
            total += abs <= delta ? 0.5 * r * r : delta * (abs - 0.5 * delta);
            prediction[i] = Math.Clamp(r, -delta, delta);
        }
        return total;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        int i = 0, n = x.Length;
        double sum = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            var acc = Vector512<double>.Zero;
            for (; i <= n - 8; i += 8) acc += Vector512.Create(x.Slice(i, 8)) * Vector512.Create(y.Slice(i, 8));
            sum = Vector512.Sum(acc);
        }
        for (; i < n; i++) sum += x[i] * y[i];
        return sum;
    }

    /// <summary>Residuals log L̂ − log L at θ.</summary>
    public double[] Residuals(ReadOnlySpan<double> theta)
    {
        _model.Predict(theta, _data, _prediction, _jacobian);
        return _prediction.Select((p, i) => p - _data.LogLoss[i]).ToArray();
    }
}
