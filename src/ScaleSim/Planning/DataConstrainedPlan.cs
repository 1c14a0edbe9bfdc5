using ScaleSim.Laws;

namespace ScaleSim.Planning;

/// <summary>The best use of a budget when only U unique tokens exist, beside what unlimited data would allow.</summary>
/// <param name="Plan">The best allocation: N, D (repeated tokens included) and the predicted loss.</param>
/// <param name="UniqueTokens">U, the unique tokens available.</param>
/// <param name="Terms">How the law discounts the repeated data and excess parameters at the plan.</param>
/// <param name="Unlimited">The compute-optimal allocation of the same budget with every token unique.</param>
/// <param name="RStarD">The law's R_D*, the repetition scale past which repeated data is worth little.</param>
public sealed record DataConstrainedPlan(Allocation Plan, double UniqueTokens, RepetitionTerms Terms, Allocation Unlimited, double RStarD)
{
    /// <summary>Epochs over the unique data, D/U (below 1 when the budget does not exhaust the data).</summary>
    public double Epochs => Plan.Tokens / UniqueTokens;

    /// <summary>The loss the data limit costs: L(plan) − L(unlimited).</summary>
    public double LossPenalty => Plan.Loss - Unlimited.Loss;

    /// <summary>
    /// Muennighoff et al. (2023) find up to about 4 epochs cost almost nothing against unique data; past that the
    /// returns of repeating fall off.
    /// </summary>
    public bool PastFourEpochs => Epochs > 4;

    /// <summary>Epochs past R_D*: repeated tokens are then worth little (the effective data saturates at U·(1 + R_D*)).</summary>
    public bool PastRStarD => Epochs > RStarD;
}
