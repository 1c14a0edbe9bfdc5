using ScaleSim.Training.Sweeps;

namespace ScaleSim.Training.Tests.Sweeps;

/// <summary>
/// A training grid with both schedules: every cell once per schedule and seed, the warmup-stable-decay cells branches of
/// one stem per width, seed and cell, each branch the same tokens as its cosine twin.
/// </summary>
public class TrainingGridPlanTests
{
    private const string Grid = """
        {
          "name": "grid-test",
          "data": "synthetic",
          "flop_model": "6nd",
          "widths": [16, 32],
          "tokens_per_param": [10, 20],
          "batches": [8],
          "schedules": ["cosine", "warmup_stable_decay"],
          "seeds": [0, 1]
        }
        """;

    [Fact]
    public void EveryCellIsPlannedOncePerScheduleAndSeedAndTheBranchesShareAStem()
    {
        var experiment = Assert.IsType<TrainingGridExperiment>(ExperimentDefinition.Parse(Grid, "grid.json"));
        var plan = SweepPlanner.Plan(experiment);
        var cells = plan.Runs.Where(r => r.Role == RunRole.Grid).ToList();
        var stems = plan.Runs.Where(r => r.Role == RunRole.Stem).ToList();
        Assert.Equal(2 * 2 * 2 * 2, cells.Count);
        Assert.Equal(2 * 2, stems.Count);
        var cosine = cells.Where(c => c.Schedule is null).ToList();
        var branches = cells.Where(c => c.IsBranch).ToList();
        Assert.Equal(8, cosine.Count);
        Assert.Equal(8, branches.Count);
        Assert.All(cosine, c => Assert.Null(c.Stem));
        foreach (var branch in branches)
        {
            var stem = Assert.Single(stems, s => s.Id == branch.Stem);
            Assert.Equal((branch.Model.DModel, branch.Seed, branch.Batch), (stem.Model.DModel, stem.Seed, stem.Batch));
            Assert.Contains(branch.BranchStep!.Value, stem.BranchSteps);
            // The branch cools down over the last 20% of its own steps, from the stem's checkpoint of that step.
            Assert.Equal(branch.BranchStep, branch.Schedule!.DecayStart(branch.Steps));
            Assert.True(stem.Steps >= branch.BranchStep);
            // Its cosine twin: the same width, tokens, seed and batch.
            var twin = Assert.Single(cosine, c => c.Model.DModel == branch.Model.DModel && c.Seed == branch.Seed && c.TokensPerParam == branch.TokensPerParam);
            Assert.Equal(twin.Tokens, branch.Tokens);
            Assert.True(branch.OwnTokens < 0.25 * branch.Tokens);
            var config = branch.ToConfig(experiment);
            Assert.Equal(0, config.FinalLearningRateFraction);
            Assert.Null(twin.ToConfig(experiment).WarmupStableDecay);
        }
        // A stem with its branches is one task, trained in order of the step each branch starts from.
        var task = Assert.Single(plan.Tasks, t => t.Runs[0].Role == RunRole.Stem && t.Runs[0].Model.DModel == 32 && t.Runs[0].Seed == 1);
        Assert.Equal(3, task.Runs.Count);
        Assert.True(task.Runs[1].BranchStep <= task.Runs[2].BranchStep);
        Assert.Equal(8 + 4, plan.Tasks.Count);
    }

    [Fact]
    public void ASizeSweepFieldInAGridIsRefused()
    {
        string text = Grid.Replace("\"batches\": [8],", "\"batches\": [8], \"tokens_per_run\": 1e6,");
        Assert.Contains("tokens_per_run", Assert.Throws<InputException>(() => ExperimentDefinition.Parse(text, "grid.json")).Message);
    }
}
