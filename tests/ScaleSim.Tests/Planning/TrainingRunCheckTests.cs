using ScaleSim.Laws;
using ScaleSim.Planning;

namespace ScaleSim.Tests.Planning;

public class TrainingRunCheckTests
{
    private static readonly ComputePlanner Epoch = ComputePlanner.For(PublishedLaws.Epoch.Law);

    [Fact]
    public void RefusesFewerTokensThanParameters()
    {
        var absurd = Epoch.AtParams(1e21, 1e30);
        var e = Assert.Throws<InputException>(() => TrainingRunCheck.RequireTrainingRun(absurd));
        Assert.Contains("not a training run", e.Message);
        Assert.Throws<InputException>(() => TrainingRunCheck.RequireTrainingRun(Epoch.AtParams(6e20, 1.01e10))); // 0.98 tokens per parameter
        TrainingRunCheck.RequireTrainingRun(Epoch.AtParams(6e20, 0.99e10));
        TrainingRunCheck.RequireTrainingRun(Epoch.Optimal(1e21));
    }

    [Fact]
    public void AllowsFewerTokensThanParametersWhereTheLawWasFittedOnSuchRuns()
    {
        var half = Epoch.AtParams(6e20 * 0.5, 1e10); // 0.5 tokens per parameter
        TrainingRunCheck.RequireTrainingRun(half, new FittedRange(1e7, 1e11, 1e8, 1e12, 0.46, 341));
        Assert.Throws<InputException>(() => TrainingRunCheck.RequireTrainingRun(half, new FittedRange(1e7, 1e11, 1e8, 1e12, 0.6, 341)));
    }

    [Fact]
    public void WarnsOutsideTheFittedSplitsOnly()
    {
        var range = new FittedRange(1e7, 1e9, 1e8, 1e11, 5, 80);
        Assert.Empty(TrainingRunCheck.Warnings(Epoch.AtParams(6e21, 1e10), range)); // 10 tokens per parameter, larger than fitted: extrapolation in scale
        Assert.Single(TrainingRunCheck.Warnings(Epoch.AtParams(6e22, 1e11), range)); // 1 token per parameter
        Assert.Single(TrainingRunCheck.Warnings(Epoch.AtParams(6e21, 1e9), range)); // 1000 tokens per parameter
        Assert.Equal(2, TrainingRunCheck.Warnings(Epoch.AtParams(6e15, 1e6), range).Count); // N below the smallest fitted, and 1000 tokens per parameter
        Assert.Empty(TrainingRunCheck.Warnings(Epoch.AtParams(6e15, 1e6), null));
        Assert.Single(TrainingRunCheck.Warnings(Epoch.AtParams(6e20, 2e10), null)); // 0.25 tokens per parameter, no range to cover it
    }
}
