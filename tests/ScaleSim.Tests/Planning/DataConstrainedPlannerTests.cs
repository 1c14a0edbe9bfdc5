using ScaleSim.Laws;
using ScaleSim.Planning;

namespace ScaleSim.Tests.Planning;

public class DataConstrainedPlannerTests
{
    private static readonly DataConstrainedLaw Law = (DataConstrainedLaw)PublishedLaws.Muennighoff.Law;
    private static readonly DataConstrainedPlanner Planner = new(Law);

    [Theory]
    [InlineData(1e21, 1e9)]
    [InlineData(1e22, 2.5e10)]
    [InlineData(5.76e23, 1e11)]
    public void PlanMatchesABruteForceSearch(double flops, double unique)
    {
        double bestLoss = double.PositiveInfinity, bestN = 0;
        for (double logN = 10; logN < Math.Log(flops / 6); logN += 2e-4)
        {
            double n = Math.Exp(logN), loss = Law.Loss(n, flops / (6 * n), unique);
            if (loss < bestLoss) (bestLoss, bestN) = (loss, n);
        }
        var plan = Planner.Plan(flops, unique);
        Assert.True(plan.Plan.Loss <= bestLoss + 1e-12, $"planner {plan.Plan.Loss} vs brute force {bestLoss}");
        Assert.Equal(1.0, plan.Plan.Params / bestN, 2);
        Assert.True(plan.Plan.Loss >= plan.Unlimited.Loss - 1e-12);
    }

    [Fact]
    public void AmpleUniqueDataGivesTheUnconstrainedPlan()
    {
        var plan = Planner.Plan(1e22, 1e15);
        Assert.Equal(1.0, plan.Plan.Params / plan.Unlimited.Params, 4);
        Assert.Equal(plan.Unlimited.Loss, plan.Plan.Loss, 10);
        Assert.True(plan.Epochs < 1);
        Assert.False(plan.PastFourEpochs);
    }

    [Fact]
    public void ScarceDataRepeatsAndFlagsDiminishingReturns()
    {
        // Muennighoff et al.'s Figure 1 setting: 25B unique tokens at the compute of 8.67B params × 178B tokens.
        var plan = Planner.Plan(6 * 8.67e9 * 178e9, 25e9);
        Assert.InRange(plan.Epochs, 4, 15);      // the README's grid search: 227B tokens, 9.1 epochs, 6.8B params
        Assert.InRange(plan.Plan.Params, 5e9, 8.5e9);
        Assert.True(plan.PastFourEpochs);
        Assert.False(plan.PastRStarD);
        var starved = Planner.Plan(1e24, 1e9);
        Assert.True(starved.PastRStarD);
        Assert.True(starved.LossPenalty > plan.LossPenalty);
    }

    [Theory]
    [InlineData(0, 1e9, "flops")]
    [InlineData(-1e21, 1e9, "flops")]
    [InlineData(1e21, 0, "unique_tokens")]
    [InlineData(1e21, double.NaN, "unique_tokens")]
    public void BadInputIsRefused(double flops, double unique, string option)
    {
        var error = Assert.Throws<InputException>(() => Planner.Plan(flops, unique));
        Assert.Contains(option, error.Message);
    }
}
