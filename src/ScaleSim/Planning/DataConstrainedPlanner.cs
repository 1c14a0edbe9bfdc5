using ScaleSim.Laws;

namespace ScaleSim.Planning;

/// <summary>
/// Muennighoff et al. (2023): the compute-optimal split of a budget C = 6·N·D when only U unique tokens exist,
/// found by minimising the data-constrained law along the budget (the paper solves it by grid search; there is no
/// closed form), beside the unconstrained optimum.
/// </summary>
public sealed class DataConstrainedPlanner(DataConstrainedLaw law)
{
    /// <summary>The law planned with.</summary>
    public DataConstrainedLaw Law { get; } = law;

    /// <summary>The best N, D and epochs for budget <paramref name="flops"/> and <paramref name="uniqueTokens"/> unique tokens.</summary>
    public DataConstrainedPlan Plan(double flops, double uniqueTokens)
    {
        Require(flops, "flops");
        Require(uniqueTokens, "unique_tokens");
        double logN = UnimodalSearch.Minimize(l => LossAt(flops, Math.Exp(l), uniqueTokens), 0, Math.Log(flops / 6.0));
        var plan = AtParams(flops, Math.Exp(logN), uniqueTokens);
        var unlimited = new ComputePlanner(Law.Chinchilla, new LawMinimumRule(Law.Chinchilla)).Optimal(flops);
        return new DataConstrainedPlan(plan, uniqueTokens, Law.Terms(plan.Params, plan.Tokens, uniqueTokens), unlimited, Law.RStarD);
    }

    /// <summary>The allocation at budget C for a fixed N with U unique tokens.</summary>
    public Allocation AtParams(double flops, double n, double uniqueTokens)
    {
        double d = flops / (6.0 * n);
        return new Allocation(flops, n, d, Law.Loss(n, d, uniqueTokens));
    }

    private double LossAt(double flops, double n, double uniqueTokens) => Law.Loss(n, flops / (6.0 * n), uniqueTokens);

    private static void Require(double value, string parameter)
    {
        if (!double.IsFinite(value) || value <= 0) throw InputException.About($"{InputName.Of(parameter)} must be a positive finite number, got {value}");
    }
}
