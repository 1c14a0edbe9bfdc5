using ScaleSim.Laws;

namespace ScaleSim.Fitting;

/// <summary>
/// A law written in the unconstrained coordinates the optimiser works in, predicting log loss. For Chinchilla this is
/// Hoffmann et al.'s LSE form with a = log A, b = log B, e = log E.
/// </summary>
public interface ILogLossModel
{
    /// <summary>The kind of law this model fits (the JSON <c>law</c> field).</summary>
    string LawKind { get; }

    /// <summary>Names of the fit-space coordinates (e.g. a, b, e, alpha, beta).</summary>
    IReadOnlyList<string> ParameterNames { get; }

    /// <summary>Number of fit-space coordinates.</summary>
    int ParameterCount => ParameterNames.Count;

    /// <summary>Throws <see cref="InputException"/> when the data lack a quantity the law needs.</summary>
    void Validate(FitData data, string source);

    /// <summary>
    /// Predicted log loss per observation, and its gradient in θ as a column-major matrix: entry (i, k), the derivative
    /// of observation i's prediction in coordinate k, sits at <c>jacobian[k * Count + i]</c>.
    /// </summary>
    void Predict(ReadOnlySpan<double> theta, FitData data, Span<double> logLoss, Span<double> jacobian);

    /// <summary>The law with natural parameters for a point in fit space.</summary>
    ILossLaw ToLaw(ReadOnlySpan<double> theta);

    /// <summary>The fit-space point of a law of this kind (the inverse of <see cref="ToLaw"/>).</summary>
    double[] FromLaw(ILossLaw law);

    /// <summary>The default starting points for the multi-start search.</summary>
    IReadOnlyList<double[]> DefaultStarts(FitData data);
}
