namespace ScaleSim.Laws;

/// <summary>
/// Clark et al. (2022), "Unified Scaling Laws for Routed Language Models": the bilinear law
/// log10 L(N, E) = a·log10 N + b·log10 E + c·log10 N·log10 E + d for a routed model built on a dense model of N
/// parameters with E experts, trained on a fixed number of tokens. E = 1 is the dense model. ScaleSim ships no constants
/// for it (the paper's could not be confirmed here; see docs/methods.md): write a law file of this kind.
/// </summary>
public sealed record RoutedLaw(double A, double B, double C, double D) : ILossLaw
{
    /// <summary>The JSON kind name.</summary>
    public const string KindName = "moe-routed";

    /// <inheritdoc />
    public string Kind => KindName;

    /// <inheritdoc />
    public IReadOnlyList<string> ParameterNames { get; } = ["a", "b", "c", "d"];

    /// <inheritdoc />
    public IReadOnlyList<double> ParameterValues => [A, B, C, D];

    /// <summary>Predicted loss of a routed model over a dense base of N parameters with E experts.</summary>
    public double Loss(double n, double experts)
    {
        double logN = Math.Log10(n), logE = Math.Log10(experts);
        // Clark et al. 2022: log L = a·log N + b·log E + c·log N·log E + d
        return Math.Pow(10, A * logN + B * logE + C * logN * logE + D);
    }

    /// <summary>
    /// The effective parameter count N̄: the dense model with the same predicted loss, L(N̄, 1) = L(N, E), so
    /// log N̄ = log N + (b + c·log N)·log E / a (Clark et al. 2022, "effective parameter count").
    /// </summary>
    public double EffectiveParams(double n, double experts)
    {
        double logN = Math.Log10(n), logE = Math.Log10(experts);
        return Math.Pow(10, logN + (B + C * logN) * logE / A);
    }

    /// <inheritdoc />
    public double Loss(ScalePoint x) => Loss(x.Params, x.Experts ?? 1);

    /// <inheritdoc />
    public void Gradient(ScalePoint x, Span<double> gradient)
    {
        double logN = Math.Log10(x.Params), logE = Math.Log10(x.Experts ?? 1);
        double scale = Loss(x) * Math.Log(10);
        gradient[0] = scale * logN;
        gradient[1] = scale * logE;
        gradient[2] = scale * logN * logE;
        gradient[3] = scale;
    }
}
