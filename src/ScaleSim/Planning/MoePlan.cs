namespace ScaleSim.Planning;

/// <summary>The compute-optimal fine-grained mixture of experts for a budget, and what a dense model needs to match it.</summary>
/// <param name="Flops">The training budget C.</param>
/// <param name="ActiveParams">Active non-embedding parameters N (what each token passes through).</param>
/// <param name="TotalParams">Total non-embedding parameters (every expert and the router).</param>
/// <param name="Tokens">Training tokens D = C / FLOPs per token.</param>
/// <param name="FlopsPerToken">Training FLOPs per token, router included.</param>
/// <param name="RouterFraction">The router's share of the FLOPs per token.</param>
/// <param name="Loss">The loss the MoE law predicts.</param>
/// <param name="Experts">Expansion rate E.</param>
/// <param name="Granularity">Granularity G.</param>
/// <param name="DenseEquivalent">The compute-optimal dense model reaching the same loss under the dense law given; null without one.</param>
public sealed record MoePlan(
    double Flops,
    double ActiveParams,
    double TotalParams,
    double Tokens,
    double FlopsPerToken,
    double RouterFraction,
    double Loss,
    double Experts,
    double Granularity,
    Allocation? DenseEquivalent)
{
    /// <summary>
    /// The dense model's training compute over the MoE's for the same loss: Krajewski et al.'s (2024) compute
    /// multiplier, defined here against whichever dense law the caller supplies. Null without a dense law.
    /// </summary>
    public double? DenseComputeMultiplier => DenseEquivalent is { } dense ? dense.Flops / Flops : null;

    /// <summary>Training tokens per active parameter.</summary>
    public double TokensPerActiveParam => Tokens / ActiveParams;
}
