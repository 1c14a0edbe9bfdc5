using ScaleSim.Laws;

namespace ScaleSim.Planning;

/// <summary>
/// de Vries (2023), "Go smol or go home": the extra training compute a model smaller than compute-optimal needs to reach
/// the compute-optimal loss. For a Chinchilla law the ratio does not depend on the budget:
/// C/C_opt = k·[1 + (beta/alpha)·(1 − k^(−alpha))]^(−1/beta) for N = k·N_opt, infinite below the critical size
/// k* = (1 + alpha/beta)^(−1/alpha). Other laws are inverted numerically.
/// </summary>
public sealed class SmallModelOverhead(IJointLossLaw law)
{
    /// <summary>The law.</summary>
    public IJointLossLaw Law { get; } = law;

    /// <summary>The fractions of N_opt tabulated by default.</summary>
    public static IReadOnlyList<double> DefaultFractions { get; } = [1.0, 0.9, 0.75, 0.6, 0.5, 0.4, 0.3, 0.25, 0.2, 0.15, 0.1];

    /// <summary>The compute-optimal allocation the overheads are measured against.</summary>
    public Allocation ComputeOptimal(double flops) => new ComputePlanner(Law, new LawMinimumRule(Law)).Optimal(flops);

    /// <summary>The overhead of each size fraction at budget <paramref name="flops"/>.</summary>
    public IReadOnlyList<SizeOverhead> At(double flops, IEnumerable<double> sizeFractions)
    {
        var optimal = ComputeOptimal(flops);
        return sizeFractions.Select(k =>
        {
            if (!(k > 0) || !double.IsFinite(k)) throw new InputException($"model size fraction must be positive, got {k}");
            double n = k * optimal.Params;
            double d = LossInversion.TokensForLoss(Law, n, optimal.Loss);
            double c = 6.0 * n * d;
            return new SizeOverhead(k, n, d, c, c / optimal.Flops - 1);
        }).ToList();
    }

    /// <summary>
    /// The smallest fraction of N_opt that can still reach the compute-optimal loss: closed form for Chinchilla,
    /// otherwise from the smallest model that reaches it with unlimited data.
    /// </summary>
    public double CriticalSizeFraction(double flops)
    {
        if (Law is ChinchillaLaw c)
            // de Vries 2023: the bracket 1 + (beta/alpha)(1 − k^(−alpha)) reaches zero
            return Math.Pow(1 + c.Alpha / c.Beta, -1 / c.Alpha);
        var optimal = ComputeOptimal(flops);
        return LossInversion.MinimumParamsForLoss(Law, optimal.Loss) / optimal.Params;
    }

    /// <summary>The closed-form ratio C/C_opt for a Chinchilla law at size fraction k (infinite past the critical size).</summary>
    public static double ChinchillaComputeRatio(ChinchillaLaw law, double k)
    {
        double bracket = 1 + law.Beta / law.Alpha * (1 - Math.Pow(k, -law.Alpha));
        // de Vries 2023 (with Hoffmann et al. 2022, Eq. 2 and the optimality condition alpha·A/N^alpha = beta·B/D^beta)
        return bracket <= 0 ? double.PositiveInfinity : k * Math.Pow(bracket, -1 / law.Beta);
    }
}
