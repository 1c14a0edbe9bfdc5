namespace ScaleSim.Planning;

/// <summary>
/// Kaplan et al. (2020), Table 6 / Eq. 6.1: the compute-efficient frontier N_opt = 1.3e9 · C_min^0.73 with C in PF-days.
/// This is where "10× compute → 5.5× parameters, 1.8× data" comes from; it is not the minimum of Kaplan's own L(N, D)
/// under C = 6ND (about C^0.58), because Kaplan's frontier also stops training before convergence (see docs/methods.md).
/// </summary>
public sealed class KaplanFrontierRule : IAllocationRule
{
    /// <summary>N_e in N_opt = N_e · C^p_N (C in PF-days).</summary>
    public const double Scale = 1.3e9;

    /// <summary>p_N in N_opt = N_e · C^p_N.</summary>
    public const double Exponent = 0.73;

    /// <inheritdoc />
    public string Name => "kaplan-frontier";

    /// <inheritdoc />
    public string Description => "Kaplan et al. 2020 Table 6: N_opt = 1.3e9 · C^0.73 (C in PF-days)";

    /// <inheritdoc />
    public double OptimalParams(double flops) =>
        // Kaplan et al. 2020, Table 6
        Scale * Math.Pow(flops / Laws.PublishedLaws.FlopsPerPetaflopDay, Exponent);
}
