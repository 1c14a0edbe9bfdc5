namespace ScaleSim.Planning;

/// <summary>The compute-optimal fine-grained mixture of experts for a budget, with its dense equivalent.</summary>
/// <param name="Flops">The training budget C.</param>
/// <param name="ActiveParams">Active non-embedding parameters N (what each token passes through).</param>
/// <param name="TotalParams">Total non-embedding parameters (every expert and the router).</param>
/// <param name="Tokens">Training tokens D = C / FLOPs per token.</param>
/// <param name="FlopsPerToken">Training FLOPs per token, router included.</param>
/// <param name="RouterFraction">The router's share of the FLOPs per token.</param>
/// <param name="Loss">The loss the MoE law predicts.</param>
/// <param name="Experts">Expansion rate E.</param>
/// <param name="Granularity">Granularity G.</param>
/// <param name="DenseEquivalentParams">The dense model with the same loss by Clark et al.'s effective parameter count, N̄(N, E).</param>
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
    double DenseEquivalentParams)
{
    /// <summary>
    /// N̄/N: how many times the parameters, and so the training compute at the same tokens, a dense model needs to match
    /// the routed one (Clark et al. 2022).
    /// </summary>
    public double DenseComputeMultiplier => DenseEquivalentParams / ActiveParams;

    /// <summary>Training tokens per active parameter.</summary>
    public double TokensPerActiveParam => Tokens / ActiveParams;
}
