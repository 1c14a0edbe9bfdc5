using System.Text.Json;
using ScaleSim.Laws;
using ScaleSim.Tasks;
using ScaleSim.Training.Data;
using ScaleSim.Training.Runs;
using ScaleSim.Training.Sweeps;
using ScaleSim.Training.Tasks;
using ScaleSim.Training.Tests.Runs;

namespace ScaleSim.Training.Tests.Tasks;

public class TaskTrainingTests
{
    /// <summary>Reversing three digits at context 10: a one-layer d = 32 model learns it in a few seconds.</summary>
    private static TrainingConfig Reverse(long tokens) => new()
    {
        Layers = 1, DModel = 32, Heads = 2, Context = 10, Batch = 32, Tokens = tokens, Data = DataSourceSpec.Parse("tasks:reverse=3,eval=200"), Threads = 1,
        ValidationSequences = 32, LearningRate = 0.01,
    };

    [Fact]
    public void ACompletedRunIsScoredOnEveryTaskAndTheScoresReachSummaryJson()
    {
        using var dir = new TemporaryDirectory();
        var summary = Trainer.Run(Reverse(300_000), dir.Combine("run"));
        Assert.Equal(RunStatus.Completed, summary.Status);
        var score = Assert.Single(summary.Tasks!).Value;
        Assert.Equal("reverse-3", summary.Tasks!.Keys.Single());
        Assert.InRange(score.Examples, 100, 150);  // 10^3 problems, about one in eight held out
        Assert.Equal(3, score.AnswerLength);
        Assert.True(score.PerDigit > 0.9, $"per-digit accuracy {score.PerDigit} after training");
        Assert.True(score.ExactMatch <= score.PerDigit + 1e-12 && score.ExactMatch >= 3 * score.PerDigit - 2 - 1e-12, "exact match lies between the union bound and per-digit");
        Assert.Equal(score.PerDigit, score.PositionAccuracy.Average(), 12);
        Assert.Null(summary.EntropyFloor);

        var written = RunDirectory.Open(dir.Combine("run")).ReadSummary()!;
        Assert.Equal(score, written.Tasks!["reverse-3"] with { PositionAccuracy = score.PositionAccuracy });
        Assert.Equal(score.PositionAccuracy, written.Tasks!["reverse-3"].PositionAccuracy);
        using var json = JsonDocument.Parse(File.ReadAllText(dir.Combine("run/summary.json")));
        var tasks = json.RootElement.GetProperty("tasks").GetProperty("reverse-3");
        foreach (var field in new[] { "examples", "answer_length", "chance", "exact_match", "per_digit", "loss", "position_accuracy" })
            Assert.True(tasks.TryGetProperty(field, out _), field);

        // An untrained model scores near chance.
        var untrained = Trainer.Run(Reverse(256)).Tasks!["reverse-3"];
        Assert.True(untrained.PerDigit < 0.3, $"per-digit accuracy {untrained.PerDigit} before training");
    }

    [Fact]
    public void MarkovRunsHaveNoTaskScores()
    {
        var summary = Trainer.Run(new TrainingConfig { Layers = 1, DModel = 16, Heads = 1, Context = 16, Batch = 4, Tokens = 2048, Data = DataSourceSpec.Parse("synthetic:k=1,V=8"), ValidationSequences = 4 });
        Assert.Null(summary.Tasks);
        Assert.DoesNotContain("\"tasks\"", JsonSerializer.Serialize(summary, RunJson.Options));
    }

    [Fact]
    public void ASizeSweepWritesATaskTableTheTaskAnalysisReads()
    {
        using var dir = new TemporaryDirectory();
        var experiment = ExperimentDefinition.Parse("""
            {
              "name": "tiny-tasks",
              "data": "tasks:addition=1,reverse=3,eval=100",
              "widths": [8, 16, 24],
              "tokens_per_run": 40000,
              "shape": { "layers": 1, "head_size": 8, "width_multiple": 8, "min_width": 8 },
              "context": 10,
              "batch": { "max": 8, "min": 4, "min_steps": 100 },
              "validation_sequences": 8,
              "evaluations_per_run": 4
            }
            """, "tiny-tasks");
        var plan = SweepPlanner.Plan(experiment);
        Assert.Equal(["d8-s0", "d16-s0", "d24-s0"], plan.Runs.Select(r => r.Id));
        Assert.All(plan.Runs, r => Assert.Equal(RunRole.Size, r.Role));
        Assert.All(plan.Runs, r => Assert.InRange(r.Tokens, 39_000, 41_000));
        Assert.All(SweepRunner.Run(plan, dir.Path, parallelRuns: 2), o => Assert.Equal(RunOutcome.Trained, o.Outcome));

        Assert.All(File.ReadAllLines(dir.Combine("runs.csv")).Skip(1), line => Assert.Equal("size", line.Split(',')[1]));
        var lines = File.ReadAllLines(dir.Combine("tasks.csv"));
        Assert.Equal(SweepTables.TasksHeader, lines[0]);
        Assert.Equal(1 + 3 * 2 * 2, lines.Length);
        var table = TaskTableLoader.Load(dir.Combine("tasks.csv"), new TaskColumns());
        Assert.Equal(ScaleVariable.Params, table.ScaleKind);
        var curves = table.Curves();
        Assert.Equal(["addition-1 exact_match", "addition-1 per_digit", "reverse-3 exact_match", "reverse-3 per_digit"], curves.Select(c => $"{c.Task} {c.Metric}"));
        var exact = curves.Single(c => c.Task == "addition-1" && c.Metric == "exact_match");
        Assert.Equal(0.01, exact.Chance!.Value, 12);
        Assert.All(exact.Points, p => Assert.NotNull(p.PartialCredit));
        var reverse = curves.Single(c => c.Task == "reverse-3" && c.Metric == "per_digit");
        Assert.Equal(0.1, reverse.Chance);
        // Per-digit scores count answer tokens, exact match examples.
        var reverseExact = curves.Single(c => c.Task == "reverse-3" && c.Metric == "exact_match");
        Assert.Equal(reverseExact.Points.Select(p => 3 * p.Examples), reverse.Points.Select(p => p.Examples));
        Assert.All(reverse.Points, p => Assert.True(p.Loss > 0));
        var result = TaskCurveAnalysis.Analyze(reverse, new TaskCurveOptions { Bootstrap = 0 });
        Assert.Equal(3, result.Curve.Count);

        // Existing experiments keep their files: an IsoFLOP sweep on Markov data writes no tasks.csv.
        Assert.IsType<IsoFlopExperiment>(ExperimentDefinition.Parse("""{"name":"x","budgets":[1e9]}""", "x"));
        Assert.DoesNotContain("widths", ExperimentDefinition.Parse("""{"name":"x","budgets":[1e9]}""", "x").ToJson());
    }

    [Theory]
    [InlineData("""{"name":"x","widths":[8,16,24]}""", "needs tokens_per_run")]
    [InlineData("""{"name":"x","widths":[8,16],"tokens_per_run":1e5}""", "at least 3 model widths")]
    [InlineData("""{"name":"x","widths":[8,16,16],"tokens_per_run":1e5}""", "widths must be distinct")]
    [InlineData("""{"name":"x","widths":[8,16,24],"tokens_per_run":1e5,"budgets":[1e9]}""", "not both")]
    [InlineData("""{"name":"x","budgets":[1e9],"tokens_per_run":1e5}""", "tokens_per_run belongs to a size sweep")]
    [InlineData("""{"name":"x","widths":[8,16,24],"tokens_per_run":1e5,"data":"tasks:addition=0"}""", "1 to 9 digits")]
    public void BadSizeSweepsNameTheField(string json, string message)
    {
        var e = Assert.Throws<InputException>(() => SweepPlanner.Plan(ExperimentDefinition.Parse(json, "x")));
        Assert.Contains(message, e.Message);
    }
}
