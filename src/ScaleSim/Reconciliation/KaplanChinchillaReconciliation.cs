using ScaleSim.Flops;
using ScaleSim.Laws;

namespace ScaleSim.Reconciliation;

/// <summary>
/// Pearce &amp; Song (2024), "Reconciling Kaplan and Chinchilla Scaling Laws": a world that follows a Chinchilla law in
/// total parameters, measured as Kaplan et al. measured it (non-embedding parameters and compute, at their small scale),
/// shows an exponent of N_opt on C near Kaplan's 0.73 rather than Chinchilla's 0.5. Beside it, Porian et al.'s (2024)
/// measured exponents as each of the other causes is fixed.
/// </summary>
/// <param name="LawName">The law's name.</param>
/// <param name="Law">The law, in total parameters.</param>
/// <param name="Family">The shapes that map non-embedding to total parameters.</param>
/// <param name="KaplanRange">Kaplan et al.'s compute range (FLOPs).</param>
/// <param name="LargeRange">A large-scale range (FLOPs) for comparison.</param>
/// <param name="NonEmbeddingKaplanRange">Fitted exponent, non-embedding convention, over Kaplan's range.</param>
/// <param name="TotalKaplanRange">Fitted exponent, total convention, over Kaplan's range.</param>
/// <param name="NonEmbeddingLargeScale">Fitted exponent, non-embedding convention, at large scale.</param>
/// <param name="TotalLargeScale">Fitted exponent, total convention, at large scale.</param>
/// <param name="PeakLocalExponent">The largest local exponent of N_\E* on C_\E and the N_\E where it occurs.</param>
/// <param name="NonEmbeddingFrontier">N_\E* against C_\E over both ranges.</param>
/// <param name="TotalFrontier">N_T* against C_T over both ranges.</param>
/// <param name="Porian">Porian et al.'s measured exponents, step by step.</param>
public sealed record KaplanChinchillaReconciliation(
    string LawName,
    ChinchillaLaw Law,
    FixedAspectFamily Family,
    (double Low, double High) KaplanRange,
    (double Low, double High) LargeRange,
    double NonEmbeddingKaplanRange,
    double TotalKaplanRange,
    double NonEmbeddingLargeScale,
    double TotalLargeScale,
    (double NonEmbedding, double Exponent) PeakLocalExponent,
    IReadOnlyList<FrontierPoint> NonEmbeddingFrontier,
    IReadOnlyList<FrontierPoint> TotalFrontier,
    IReadOnlyList<PorianStep> Porian)
{
    /// <summary>Kaplan et al.'s compute range as Pearce &amp; Song simulate it: about 1e13 to 5e20 FLOPs.</summary>
    public static (double Low, double High) DefaultKaplanRange { get; } = (1e13, 5e20);

    /// <summary>A large-scale range, from Chinchilla's biggest runs to beyond Chinchilla itself.</summary>
    public static (double Low, double High) DefaultLargeRange { get; } = (1e21, 1e25);

    /// <summary>The local exponent of N_\E* on C_\E for small models, beta/(alpha/3 + beta).</summary>
    public double SmallScaleLimit => Law.Beta / (Law.Alpha / 3 + Law.Beta);

    /// <summary>The local exponent for large models, beta/(alpha + beta): Chinchilla's a.</summary>
    public double LargeScaleLimit => Law.ParamsExponent;

    /// <summary>Runs the reconciliation for a Chinchilla law.</summary>
    public static KaplanChinchillaReconciliation Run(string lawName, ChinchillaLaw law, FixedAspectFamily? family = null)
    {
        family ??= FixedAspectFamily.PearceSong;
        family.Validate();
        var frontier = new ConventionFrontier(law, family);
        var (kLow, kHigh) = DefaultKaplanRange;
        var (lLow, lHigh) = DefaultLargeRange;
        return new KaplanChinchillaReconciliation(lawName, law, family, DefaultKaplanRange, DefaultLargeRange,
            frontier.FittedExponent(ParameterConvention.NonEmbedding, kLow, kHigh),
            frontier.FittedExponent(ParameterConvention.Total, kLow, kHigh),
            frontier.FittedExponent(ParameterConvention.NonEmbedding, lLow, lHigh),
            frontier.FittedExponent(ParameterConvention.Total, lLow, lHigh),
            frontier.PeakLocalExponent(),
            frontier.Frontier(ParameterConvention.NonEmbedding, kLow, lHigh),
            frontier.Frontier(ParameterConvention.Total, kLow, lHigh),
            PorianSteps.All);
    }
}
