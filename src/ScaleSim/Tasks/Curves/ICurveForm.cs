namespace ScaleSim.Tasks.Curves;

/// <summary>
/// A curve form y = f(x; θ) in the unconstrained coordinates θ the optimiser works in, with its natural parameters
/// for reporting and a set of starting points for the multi-start search.
/// </summary>
public interface ICurveForm
{
    /// <summary>The form's name, as <c>--form</c> and JSON spell it.</summary>
    string Name { get; }

    /// <summary>Names of the natural parameters, in the order <see cref="Natural"/> returns them.</summary>
    IReadOnlyList<string> ParameterNames { get; }

    /// <summary>Number of fitted coordinates (equal to the number of natural parameters).</summary>
    int ParameterCount => ParameterNames.Count;

    /// <summary>
    /// The prediction at every x, and its gradient in θ as a column-major matrix: the derivative of point i in
    /// coordinate k sits at <c>jacobian[k * x.Length + i]</c>.
    /// </summary>
    void Predict(ReadOnlySpan<double> theta, double origin, ReadOnlySpan<double> x, Span<double> y, Span<double> jacobian);

    /// <summary>The natural parameters at θ (positions as scales when the data's x is a log scale).</summary>
    double[] Natural(ReadOnlySpan<double> theta, CurvePoints data);

    /// <summary>Candidate starting points; the fitter ranks them by the objective and refines the best.</summary>
    IReadOnlyList<double[]> Starts(CurvePoints data);
}
