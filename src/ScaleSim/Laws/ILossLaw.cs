namespace ScaleSim.Laws;

/// <summary>
/// A scaling law for loss: evaluates, differentiates in its own parameters, and names them so a fitted
/// law round-trips through JSON (<see cref="LawFile"/>).
/// </summary>
public interface ILossLaw
{
    /// <summary>The law's kind, e.g. <c>chinchilla</c> or <c>kaplan-nd</c>; the JSON <c>law</c> field.</summary>
    string Kind { get; }

    /// <summary>Parameter names in a fixed order (e.g. E, A, B, alpha, beta).</summary>
    IReadOnlyList<string> ParameterNames { get; }

    /// <summary>Parameter values in the order of <see cref="ParameterNames"/>.</summary>
    IReadOnlyList<double> ParameterValues { get; }

    /// <summary>Predicted loss at a point.</summary>
    double Loss(ScalePoint x);

    /// <summary>Writes dLoss/dParameter, in the order of <see cref="ParameterNames"/>, into <paramref name="gradient"/>.</summary>
    void Gradient(ScalePoint x, Span<double> gradient);

    /// <summary>Quantities derived from the parameters worth reporting with intervals (e.g. Chinchilla's a and b).</summary>
    IReadOnlyList<KeyValuePair<string, double>> DerivedQuantities() => [];

    /// <summary>
    /// Constants that define the law but are not fitted (e.g. the critical batch size of Kaplan's L(N, S)), written
    /// beside the parameters in its JSON.
    /// </summary>
    IReadOnlyList<KeyValuePair<string, double>> Constants => [];
}
