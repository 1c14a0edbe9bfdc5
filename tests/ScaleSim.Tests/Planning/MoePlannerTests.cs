using ScaleSim.Flops;
using ScaleSim.Laws;
using ScaleSim.Planning;

namespace ScaleSim.Tests.Planning;

public class MoePlannerTests
{
    private static readonly MoePlanner Planner = new((FineGrainedMoeLaw)PublishedLaws.Krajewski.Law, (RoutedLaw)PublishedLaws.Clark.Law);

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
        Assert.True(plan.TotalParams > plan.ActiveParams * Math.Min(experts, 2) * 0.5);
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
    public void DenseEquivalentGrowsWithExpertsAndShrinksWithSize()
    {
        var routing = (RoutedLaw)PublishedLaws.Clark.Law;
        Assert.True(routing.EffectiveParams(1e9, 64) > routing.EffectiveParams(1e9, 8));
        Assert.True(routing.EffectiveParams(1e8, 64) / 1e8 > routing.EffectiveParams(1e10, 64) / 1e10);
        var plan = Planner.Optimal(1e21, new ExpertLayout(64, 1));
        Assert.True(plan.DenseComputeMultiplier > 1);
    }
}
