using ScaleSim.Flops;
using ScaleSim.Laws;
using ScaleSim.Planning;

namespace ScaleSim.Tests.Planning;

public class MoePlannerTests
{
    /// <summary>A fine-grained MoE law of the paper's form with illustrative constants (ScaleSim ships none).</summary>
    private static readonly FineGrainedMoeLaw Law = new(C: 1.7, A: 400, Alpha: 0.33, B: 400, Beta: 0.3, G: 80, Gamma: 0.6);

    private static readonly MoePlanner Planner = new(Law, PublishedLaws.Hoffmann.Law as IJointLossLaw);

    [Theory]
    [InlineData(1e20, 64, 1)]
    [InlineData(1e22, 64, 8)]
    [InlineData(1e24, 8, 16)]
    public void OptimumMatchesABruteForceSearch(double flops, double experts, double granularity)
    {
        var layout = new ExpertLayout(experts, granularity);
        var plan = Planner.Optimal(flops, layout);
        double best = double.PositiveInfinity;
        for (double logN = Math.Log(1e6); logN < Math.Log(flops / 6); logN += 2e-4)
            best = Math.Min(best, Planner.AtActiveParams(flops, Math.Exp(logN), layout).Loss);
        Assert.True(plan.Loss <= best + 1e-12);
        Assert.Equal(flops, plan.Tokens * plan.FlopsPerToken, flops * 1e-9);
        Assert.True(plan.TotalParams > plan.ActiveParams);
    }

    [Fact]
    public void FinerExpertsHelpUntilTheRouterCostsTooMuch()
    {
        var coarse = Planner.Optimal(1e22, new ExpertLayout(64, 1));
        var fine = Planner.Optimal(1e22, new ExpertLayout(64, 8));
        Assert.True(fine.Loss < coarse.Loss);
        Assert.True(fine.RouterFraction > coarse.RouterFraction);
        Assert.True(Planner.Optimal(1e22, new ExpertLayout(64, 4096)).RouterFraction > 0.5);
    }

    [Fact]
    public void DenseEquivalentIsTheLeastDenseComputeReachingTheSameLoss()
    {
        var plan = Planner.Optimal(1e22, new ExpertLayout(64, 8));
        var dense = plan.DenseEquivalent!;
        Assert.Equal(plan.Loss, dense.Loss, 8);
        Assert.Equal(dense.Flops / plan.Flops, plan.DenseComputeMultiplier!.Value, 12);
        Assert.Null(new MoePlanner(Law).Optimal(1e22, new ExpertLayout(64, 8)).DenseComputeMultiplier);
    }
}
