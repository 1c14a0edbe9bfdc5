using ScaleSim.Training.Sweeps;

namespace ScaleSim.Training.Tests.Sweeps;

public class SweepPlannerTests
{
    [Fact]
    public void EveryBudgetGetsSizesOnBothSidesOfItsExpectedOptimum()
    {
        var experiment = TinyExperiment.Definition();
        var plan = SweepPlanner.Plan(experiment);
        foreach (double budget in experiment.Budgets)
        {
            var runs = plan.Runs.Where(r => r.Budget == budget).ToList();
            double optimum = experiment.PriorOptimum.At(budget);
            Assert.True(runs.Count(r => r.Model.NonEmbeddingParameters < optimum) >= 2);
            Assert.True(runs.Count(r => r.Model.NonEmbeddingParameters > optimum) >= 2);
            // D = C / (6 N) under the experiment's (non-embedding) convention, to within one step.
            Assert.All(runs, r => Assert.InRange(r.Flops / budget, 0.9, 1.1));
            Assert.Equal(runs.Count, runs.Select(r => r.Model.DModel).Distinct().Count());
        }
        Assert.Equal(plan.Runs.Count, plan.Runs.Select(r => r.Id).Distinct().Count());
    }

    [Fact]
    public void AGridThatCannotSurroundTheOptimumIsRefused()
    {
        var experiment = TinyExperiment.Definition() with { Budgets = [1e9, 1e12] };
        var error = Assert.Throws<InputException>(() => SweepPlanner.Plan(experiment));
        Assert.Contains("budget 1.0e+12", error.Message);
        Assert.Contains("interior minimum", error.Message);
    }

    [Fact]
    public void BatchesShrinkSoSmallRunsStillTakeEnoughSteps()
    {
        var rule = new BatchRule { Max = 8, Min = 2, MinSteps = 1500 };
        Assert.Equal(8, rule.For(1e7, 64));
        Assert.Equal(4, rule.For(1500 * 64 * 4.5, 64));
        Assert.Equal(2, rule.For(1e4, 64));
    }

    [Fact]
    public void HorizonsAddShorterSchedulesForEachSize()
    {
        var experiment = TinyExperiment.Definition() with { Horizons = 4, HorizonSpan = 16 };
        var plan = SweepPlanner.Plan(experiment);
        Assert.Contains(plan.Runs, r => r.Role == RunRole.Horizon);
        foreach (var size in plan.Runs.GroupBy(r => r.Model.DModel))
        {
            var tokens = size.Select(r => (double)r.Tokens).ToList();
            Assert.True(tokens.Max() / tokens.Min() <= 16 * 1.3);
        }
    }

    [Theory]
    [InlineData("""{"name":"x","budgets":[]}""", "budgets must list at least one")]
    [InlineData("""{"name":"x","budgets":[1e9],"sizes_per_budget":2}""", "sizes_per_budget must be at least 3")]
    [InlineData("""{"name":"x","budgets":[1e9],"budgts":[1]}""", "budgts")]
    [InlineData("""{"name":"x","budgets":[-1]}""", "budgets must be positive")]
    [InlineData("""{"name":"x","budgets":[1e9],"flop_model":"7nd"}""", "unknown FLOP model '7nd'")]
    [InlineData("""{"budgets":[1e9]}""", "name")]
    [InlineData("""{"name":"x","budgets":[1e9],"data":"nope.txt"}""", "data 'nope.txt'")]
    public void BadDefinitionsFailWithOneLine(string json, string expected)
    {
        var error = Assert.Throws<InputException>(() => ExperimentDefinition.Parse(json, "exp.json"));
        Assert.Contains(expected, error.Message);
        Assert.StartsWith("exp.json", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }
}
