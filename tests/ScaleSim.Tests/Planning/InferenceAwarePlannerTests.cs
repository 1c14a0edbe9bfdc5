using ScaleSim.Laws;
using ScaleSim.Planning;

namespace ScaleSim.Tests.Planning;

public class InferenceAwarePlannerTests
{
    private static readonly ChinchillaLaw Hoffmann = (ChinchillaLaw)PublishedLaws.Hoffmann.Law;
    private static readonly InferenceAwarePlanner Planner = new(Hoffmann);

    /// <summary>Brute force over log N on a fine grid: D_train from the target loss, cost 6ND + 2NT.</summary>
    private static (double N, double Cost) BruteForce(IJointLossLaw law, double target, double inferenceTokens)
    {
        double bestN = 0, bestCost = double.PositiveInfinity;
        for (double logN = Math.Log(1e6); logN < Math.Log(1e14); logN += 1e-4)
        {
            double n = Math.Exp(logN), d = LossInversion.TokensForLoss(law, n, target);
            double cost = 6 * n * d + 2 * n * inferenceTokens;
            if (cost < bestCost) (bestN, bestCost) = (n, cost);
        }
        return (bestN, bestCost);
    }

    [Theory]
    [InlineData(2.1, 0)]
    [InlineData(2.1, 1e12)]
    [InlineData(1.95, 2e13)]
    [InlineData(2.4, 1e14)]
    public void TargetLossOptimumMatchesBruteForce(double target, double inferenceTokens)
    {
        var plan = Planner.ForTargetLoss(target, inferenceTokens);
        var (n, cost) = BruteForce(Hoffmann, target, inferenceTokens);
        Assert.Equal(1.0, plan.InferenceAware.Params / n, 3);
        Assert.True(plan.InferenceAware.TotalFlops <= cost * (1 + 1e-9));
        Assert.Equal(target, Hoffmann.Loss(plan.InferenceAware.Params, plan.InferenceAware.TrainingTokens), 9);
        Assert.True(plan.FlopsSaved >= -1e-9 * plan.ComputeOptimal.TotalFlops);
    }

    [Fact]
    public void WithoutInferenceItIsTheChinchillaOptimum()
    {
        var plan = Planner.ForTargetLoss(2.0, 0);
        var chinchilla = ComputePlanner.For(Hoffmann).ForTargetLoss(2.0);
        Assert.Equal(1.0, plan.InferenceAware.Params / chinchilla.Params, 5);
        Assert.Equal(1.0, plan.InferenceAware.TrainingFlops / chinchilla.Flops, 5);
        Assert.Equal(0, plan.FlopsSaved, 1e-6 * chinchilla.Flops);
    }

    [Fact]
    public void HeavyInferenceFavoursSmallerModelsTrainedLonger()
    {
        var light = Planner.ForTargetLoss(2.1, 1e11);
        var heavy = Planner.ForTargetLoss(2.1, 1e14);
        Assert.True(heavy.InferenceAware.Params < light.InferenceAware.Params);
        Assert.True(heavy.InferenceAware.TokensPerParam > light.InferenceAware.TokensPerParam);
        Assert.True(heavy.FractionSaved > light.FractionSaved);
        Assert.True(heavy.InferenceAware.Params < heavy.ComputeOptimal.Params);
    }

    [Fact]
    public void TotalBudgetOptimumMatchesBruteForce()
    {
        const double budget = 1e24, inference = 5e12;
        var plan = Planner.ForTotalBudget(budget, inference);
        double bestLoss = double.PositiveInfinity;
        for (double logN = Math.Log(1e6); logN < Math.Log(budget / (2 * inference)); logN += 1e-4)
        {
            double n = Math.Exp(logN), d = (budget - 2 * n * inference) / (6 * n);
            if (d > 0) bestLoss = Math.Min(bestLoss, Hoffmann.Loss(n, d));
        }
        Assert.True(plan.InferenceAware.Loss <= bestLoss + 1e-12);
        Assert.Equal(budget, plan.InferenceAware.TotalFlops, budget * 1e-9);
        // The compute-optimal model with the same loss costs more over the same lifetime.
        Assert.True(plan.ComputeOptimal.TotalFlops >= budget * (1 - 1e-9));
    }

    [Fact]
    public void NumericInversionAgreesForOtherLaws()
    {
        // The Kaplan joint law has no closed-form D(N); the planner inverts it by bisection.
        var kaplan = (IJointLossLaw)PublishedLaws.Kaplan.Law;
        var plan = new InferenceAwarePlanner(kaplan).ForTargetLoss(2.3, 1e12);
        var (n, _) = BruteForce(kaplan, 2.3, 1e12);
        Assert.Equal(1.0, plan.InferenceAware.Params / n, 2);
    }

    [Theory]
    [InlineData(1.5, 1e12, "irreducible")]
    [InlineData(0, 1e12, "target_loss")]
    [InlineData(2.0, -1, "inference_tokens")]
    public void BadTargetsAreRefused(double target, double inference, string expected)
    {
        var error = Assert.Throws<InputException>(() => Planner.ForTargetLoss(target, inference));
        Assert.Contains(expected, error.Message);
    }
}
