namespace ScaleSim.Laws;

/// <summary>
/// Muennighoff et al. (2023), "Scaling Data-Constrained Language Models" (§3; as the authors' README computes it): the Chinchilla form
/// L = E + A/N'^alpha + B/D'^beta evaluated at an effective data size D' that discounts repeated tokens and an
/// effective parameter count N' that discounts parameters the unique data cannot use.
/// </summary>
/// <remarks>
/// U_D = min(U, D) unique tokens are seen, R_D = D/U_D − 1 times repeated; U_N = min(N, N_opt(U_D)) with N_opt the
/// Chinchilla-optimal size for U_D tokens under this law's own A, B, alpha, beta, and R_N = N/U_N − 1. With U at or
/// above D nothing repeats, and the law is its own unconstrained form; it equals the plain Chinchilla form whenever
/// N ≤ N_opt(D), in particular at every compute-optimal allocation.
/// </remarks>
public sealed record DataConstrainedLaw(double E, double A, double B, double Alpha, double Beta, double RStarD, double RStarN) : IJointLossLaw
{
    /// <summary>The JSON kind name.</summary>
    public const string KindName = "data-constrained";

    /// <inheritdoc />
    public string Kind => KindName;

    /// <inheritdoc />
    public IReadOnlyList<string> ParameterNames { get; } = ["E", "A", "B", "alpha", "beta", "R_D_star", "R_N_star"];

    /// <inheritdoc />
    public IReadOnlyList<double> ParameterValues => [E, A, B, Alpha, Beta, RStarD, RStarN];

    /// <inheritdoc />
    public double IrreducibleLoss => E;

    /// <summary>The same E, A, B, alpha, beta as a plain Chinchilla law (every token unique, every parameter useful).</summary>
    public ChinchillaLaw Chinchilla => new(E, A, B, Alpha, Beta);

    /// <summary>
    /// The parameter count that is compute-optimal for <paramref name="tokens"/> tokens under this law's Chinchilla part:
    /// N_opt(D) = G·(D·G)^(beta/alpha) with G = (alpha·A/(beta·B))^(1/(alpha+beta)) (Hoffmann et al. 2022, Eq. 4, inverted).
    /// </summary>
    public double ParamsForTokens(double tokens)
    {
        double g = Chinchilla.AllocationScale;
        return g * Math.Pow(tokens * g, Beta / Alpha);
    }

    /// <summary>The discounted data and parameters at a point; a null <paramref name="uniqueTokens"/> means no repetition.</summary>
    public RepetitionTerms Terms(double n, double d, double? uniqueTokens)
    {
        double seen = uniqueTokens is { } u ? Math.Min(u, d) : d;
        double repetitions = Math.Max(d / seen - 1, 0);
        double uniqueParams = Math.Min(n, ParamsForTokens(seen));
        double excess = Math.Max(n / uniqueParams - 1, 0);
        // Muennighoff et al. 2023: D' = U_D + U_D·R_D*·(1 − e^(−R_D/R_D*)), and likewise N' with U_N, R_N, R_N*
        double effectiveTokens = seen + seen * RStarD * (1 - Math.Exp(-repetitions / RStarD));
        double effectiveParams = uniqueParams + uniqueParams * RStarN * (1 - Math.Exp(-excess / RStarN));
        return new RepetitionTerms(seen, repetitions, effectiveTokens, uniqueParams, excess, effectiveParams);
    }

    /// <summary>Predicted loss of N parameters trained on D tokens drawn from <paramref name="uniqueTokens"/> unique ones.</summary>
    public double Loss(double n, double d, double? uniqueTokens)
    {
        var t = Terms(n, d, uniqueTokens);
        // Muennighoff et al. 2023: L = E + A/N'^alpha + B/D'^beta
        return E + A / Math.Pow(t.EffectiveParams, Alpha) + B / Math.Pow(t.EffectiveTokens, Beta);
    }

    /// <summary>Predicted loss without repetition (U at or above D).</summary>
    public double Loss(double n, double d) => Loss(n, d, null);

    /// <inheritdoc />
    public double Loss(ScalePoint x) => Loss(x.Params, x.Tokens, x.UniqueTokens);

    /// <inheritdoc />
    public void Gradient(ScalePoint x, Span<double> gradient)
    {
        var t = Terms(x.Params, x.Tokens, x.UniqueTokens);
        double paramTerm = A / Math.Pow(t.EffectiveParams, Alpha), tokenTerm = B / Math.Pow(t.EffectiveTokens, Beta);
        double logNp = Math.Log(t.EffectiveParams), logDp = Math.Log(t.EffectiveTokens);

        // d log N' / d(A, B, alpha, beta): nonzero only when U_N is the data-limited N_opt(U_D), which depends on G.
        double dNdA = 0, dNdB = 0, dNdAlpha = 0, dNdBeta = 0;
        if (t.ExcessParamsRatio > 0)
        {
            double ab = Alpha + Beta;
            double logG = Math.Log(Chinchilla.AllocationScale), logU = Math.Log(t.UniqueTokensSeen);
            double dLogGdAlpha = 1 / (Alpha * ab) - logG / ab, dLogGdBeta = -1 / (Beta * ab) - logG / ab;
            double ratio = Beta / Alpha;
            double decay = Math.Exp(-t.ExcessParamsRatio / RStarN);
            double fN = 1 + RStarN * (1 - decay);
            // N' = U_N·fN(R_N) with R_N = N/U_N − 1, so d log N'/d log U_N = 1 − exp(−R_N/R_N*)·(R_N + 1)/fN.
            double dLogNpdLogU = 1 - decay * (t.ExcessParamsRatio + 1) / fN;
            dNdA = dLogNpdLogU / (Alpha * A);
            dNdB = -dLogNpdLogU / (Alpha * B);
            dNdAlpha = dLogNpdLogU * ((1 + ratio) * dLogGdAlpha - ratio / Alpha * (logG + logU));
            dNdBeta = dLogNpdLogU * ((logG + logU) / Alpha + (1 + ratio) * dLogGdBeta);
        }

        gradient[0] = 1;
        gradient[1] = paramTerm / A - Alpha * paramTerm * dNdA;
        gradient[2] = tokenTerm / B - Alpha * paramTerm * dNdB;
        gradient[3] = -paramTerm * logNp - Alpha * paramTerm * dNdAlpha;
        gradient[4] = -tokenTerm * logDp - Alpha * paramTerm * dNdBeta;
        gradient[5] = -Beta * tokenTerm * DecayScaleDerivative(t.UniqueTokensSeen, t.Repetitions, RStarD) / t.EffectiveTokens;
        gradient[6] = -Alpha * paramTerm * DecayScaleDerivative(t.UniqueParams, t.ExcessParamsRatio, RStarN) / t.EffectiveParams;
    }

    /// <summary>d/dR* of U + U·R*·(1 − exp(−R/R*)).</summary>
    private static double DecayScaleDerivative(double unique, double repeats, double scale)
    {
        double decay = Math.Exp(-repeats / scale);
        return unique * ((1 - decay) - repeats / scale * decay);
    }
}
