namespace ScaleSim.Laws;

/// <summary>
/// Krajewski et al. (2024), "Scaling Laws for Fine-Grained Mixture of Experts":
/// L(N, D, G) = c + (g/G^gamma + a)/N^alpha + b/D^beta, with N the active (non-embedding) parameters, D training
/// tokens and G the granularity (experts G times smaller than the dense feed-forward layer, G of them active per token).
/// The paper fits it at a fixed expansion rate, so the expert count does not enter the loss. ScaleSim ships no constants
/// for it (the paper's could not be confirmed here; see docs/methods.md): fit or write a law file of this kind.
/// </summary>
public sealed record FineGrainedMoeLaw(double C, double A, double Alpha, double B, double Beta, double G, double Gamma) : ILossLaw
{
    /// <summary>The JSON kind name.</summary>
    public const string KindName = "moe-fine-grained";

    /// <inheritdoc />
    public string Kind => KindName;

    /// <inheritdoc />
    public IReadOnlyList<string> ParameterNames { get; } = ["c", "a", "alpha", "b", "beta", "g", "gamma"];

    /// <inheritdoc />
    public IReadOnlyList<double> ParameterValues => [C, A, Alpha, B, Beta, G, Gamma];

    /// <summary>Predicted loss of N active parameters trained on D tokens at granularity G.</summary>
    public double Loss(double n, double d, double granularity) =>
        // Krajewski et al. 2024: L = c + (g/G^gamma + a)/N^alpha + b/D^beta
        C + (G / Math.Pow(granularity, Gamma) + A) / Math.Pow(n, Alpha) + B / Math.Pow(d, Beta);

    /// <inheritdoc />
    public double Loss(ScalePoint x) => Loss(x.Params, x.Tokens, x.Granularity ?? 1);

    /// <inheritdoc />
    public void Gradient(ScalePoint x, Span<double> gradient)
    {
        double granularity = x.Granularity ?? 1;
        double nTerm = Math.Pow(x.Params, -Alpha), dTerm = Math.Pow(x.Tokens, -Beta), gTerm = Math.Pow(granularity, -Gamma);
        gradient[0] = 1;
        gradient[1] = nTerm;
        gradient[2] = -(G * gTerm + A) * nTerm * Math.Log(x.Params);
        gradient[3] = dTerm;
        gradient[4] = -B * dTerm * Math.Log(x.Tokens);
        gradient[5] = gTerm * nTerm;
        gradient[6] = -G * gTerm * Math.Log(granularity) * nTerm;
    }
}
