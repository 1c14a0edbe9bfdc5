namespace ScaleSim.Fitting;

/// <summary>
/// A smooth function of the fit coordinates θ that the solvers minimise, with its analytic gradient: the Huber
/// objective of the loss laws (<see cref="HuberLogLoss"/>) and the least squares of the task curves. An instance may
/// hold scratch buffers, so use one per thread.
/// </summary>
public interface IObjective
{
    /// <summary>Number of coordinates in θ (and in the gradient).</summary>
    int ParameterCount { get; }

    /// <summary>The objective at θ, writing its gradient into <paramref name="gradient"/>.</summary>
    double Evaluate(ReadOnlySpan<double> theta, Span<double> gradient);

    /// <summary>The objective at θ without its gradient.</summary>
    double Value(ReadOnlySpan<double> theta)
    {
        Span<double> gradient = stackalloc double[ParameterCount];
        return Evaluate(theta, gradient);
    }
}
