namespace ScaleSim.Laws;

/// <summary>
/// Kaplan et al. (2020), Eq. 1.5: L(N, D) = [(N_c/N)^(alpha_N/alpha_D) + D_c/D]^alpha_D, optionally plus an
/// irreducible term E. N counts non-embedding parameters in the paper.
/// </summary>
public sealed record KaplanJointLaw(double AlphaN, double AlphaD, double Nc, double Dc, double? E = null) : IJointLossLaw
{
    /// <summary>The JSON kind name.</summary>
    public const string KindName = "kaplan-nd";

    /// <summary>Parameter names, with or without E.</summary>
    public static IReadOnlyList<string> NamesFor(bool withE) =>
        withE ? ["alpha_N", "alpha_D", "N_c", "D_c", "E"] : ["alpha_N", "alpha_D", "N_c", "D_c"];

    /// <inheritdoc />
    public string Kind => KindName;

    /// <inheritdoc />
    public IReadOnlyList<string> ParameterNames => NamesFor(E.HasValue);

    /// <inheritdoc />
    public IReadOnlyList<double> ParameterValues => E.HasValue ? [AlphaN, AlphaD, Nc, Dc, E.Value] : [AlphaN, AlphaD, Nc, Dc];

    /// <inheritdoc />
    public double IrreducibleLoss => E ?? 0;

    /// <inheritdoc />
    public double Loss(double n, double d) =>
        // Kaplan et al. 2020, Eq. 1.5
        (E ?? 0) + Math.Pow(Math.Pow(Nc / n, AlphaN / AlphaD) + Dc / d, AlphaD);

    /// <inheritdoc />
    public double Loss(ScalePoint x) => Loss(x.Params, x.Tokens);

    /// <inheritdoc />
    public void Gradient(ScalePoint x, Span<double> gradient)
    {
        double p = AlphaN / AlphaD;
        double logRatio = Math.Log(Nc / x.Params);
        double u = Math.Exp(p * logRatio);
        double s = u + Dc / x.Tokens;
        double core = Math.Pow(s, AlphaD);
        double outer = AlphaD * core / s; // d core / d s
        gradient[0] = outer * u * logRatio / AlphaD;
        gradient[1] = core * (Math.Log(s) - p * u * logRatio / s);
        gradient[2] = outer * p * u / Nc;
        gradient[3] = outer / x.Tokens;
        if (E.HasValue) gradient[4] = 1;
    }
}
