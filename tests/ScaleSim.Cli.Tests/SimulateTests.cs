using System.Text.Json.Nodes;

namespace ScaleSim.Cli.Tests;

/// <summary>The quick experiment end to end: plan, train, analyse, plot, report.</summary>
public class SimulateTests
{
    [Fact]
    public void QuickSimulationWritesAReportFiguresTablesAndJson()
    {
        string root = Directory.CreateTempSubdirectory("simulate-").FullName;
        try
        {
            string runs = Path.Combine(root, "runs"), report = Path.Combine(root, "report");
            var result = CliRunner.Run("simulate", "--quick", "--runs", runs, "--out", report, "--bootstrap", "20", "--json");
            Assert.True(result.ExitCode == 0, result.Error);
            var json = JsonNode.Parse(result.Out)!.AsObject();
            foreach (var approach in new[] { "approach1", "approach3" })
            {
                Assert.True(json[approach]!["a"]!.GetValue<double>() is > 0 and < 1.5, approach);
                Assert.Equal(2, json[approach]!["ci95"]!["a"]!.AsArray().Count);
            }
            Assert.True(json.ContainsKey("approach2"));
            Assert.InRange(json["entropy_floor"]!.GetValue<double>(), 0.9, 1.1);
            Assert.True(json.ContainsKey("E_fit"));
            foreach (var field in new[] { "predicted_loss", "observed_loss", "loss_error", "predicted_params", "observed_params" })
                Assert.True(json["backtest"]![field] is not null, field);
            Assert.Equal("total", json["other_convention"]!["params_convention"]!.GetValue<string>());

            // runs.csv has a row per point (every branch), not the stems they cool down from.
            var plan = ScaleSim.Training.Sweeps.SweepPlanner.Plan(ScaleSim.Experiments.ExperimentCatalog.Resolve(ScaleSim.Experiments.ExperimentCatalog.Quick));
            var table = File.ReadAllLines(Path.Combine(report, "runs.csv"));
            Assert.Equal(1 + plan.Runs.Count(r => r.Role != ScaleSim.Training.Sweeps.RunRole.Stem), table.Length);
            Assert.Equal(File.ReadAllText(Path.Combine(runs, "runs.csv")), File.ReadAllText(Path.Combine(report, "runs.csv")));
            string text = File.ReadAllText(Path.Combine(report, "report.md"));
            foreach (var section in new[] { "## Compute-optimal exponents", "## Seed noise per budget", "## Irreducible loss", "## Backtest", "## Robustness", "## Targets", "## Figures" })
                Assert.Contains(section, text);
            Assert.Contains($"Reproduce with `scalesim simulate --quick` (this report was written by ScaleSim {ScaleSimVersion.Current};", text);
            Assert.Equal(ScaleSimVersion.Current, json["scalesim_version"]!.GetValue<string>());
            Assert.Equal(ScaleSimVersion.Current, JsonNode.Parse(File.ReadAllText(Path.Combine(report, "result.json")))!["scalesim_version"]!.GetValue<string>());
            foreach (var figure in new[] { "training-curves", "isoflop-parabolas", "optimal-params", "optimal-tokens", "loss-contours", "backtest", "conventions" })
                Assert.True(File.Exists(Path.Combine(report, "figures", figure + ".png")), figure);

            // A second run reuses every completed run, and --format json is --json: the same analysis of the same runs.
            var again = CliRunner.Run("simulate", "--quick", "--runs", runs, "--out", report, "--bootstrap", "20", "--format", "json");
            Assert.Equal(0, again.ExitCode);
            Assert.Contains($"{plan.Runs.Count} already completed", again.Error + again.Out);
            var againJson = JsonNode.Parse(again.Out)!.AsObject();
            json.Remove("sweep_seconds");
            againJson.Remove("sweep_seconds");
            Assert.Equal(json.ToJsonString(), againJson.ToJsonString());

            // --format csv: the analysis' rows, one per approach, each cell the JSON's value at its column.
            var csv = CliRunner.Run("simulate", "--quick", "--runs", runs, "--out", report, "--bootstrap", "20", "--no-train", "--format", "csv");
            Assert.True(csv.ExitCode == 0, csv.Error);
            var (header, rows) = CsvAgainstJson.Parse(csv.Out);
            Assert.Equal("approach", header[0]);
            Assert.Equal(["1", "2", "3"], rows.Select(r => r[0]));
            foreach (var row in rows) CsvAgainstJson.AssertRow(header, row, json[$"approach{row[0]}"]!, "approach");
        }
        finally { Directory.Delete(root, recursive: true); }
    }

    [Fact]
    public void SweepPlanRefusesAGridWithoutInteriorMinima()
    {
        string dir = Directory.CreateTempSubdirectory("plan-").FullName;
        try
        {
            string file = Path.Combine(dir, "experiment.json");
            File.WriteAllText(file, """{ "name": "too-big", "budgets": [3e11, 1e15], "shape": { "max_width": 128 } }""");
            var result = CliRunner.Run("sweep", "plan", file, "--no-estimate");
            Assert.Equal(2, result.ExitCode);
            Assert.Contains("budget 1.0e+15", result.Error);
            Assert.Contains("interior minimum", result.Error);
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Fact]
    public void SweepPlanListsTheDefaultExperimentsRuns()
    {
        var result = CliRunner.Run("sweep", "plan", "tiny-chinchilla", "--no-estimate");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("tiny-chinchilla:", result.Out);
        Assert.Contains("c3.0e11-d32-s0", result.Out);
    }

    [Fact]
    public void UnknownExperimentsAreNamed()
    {
        var result = CliRunner.Run("simulate", "--experiment", "no-such-experiment");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no-such-experiment", result.Error);
        Assert.Contains("tiny-chinchilla", result.Error);
    }

    [Fact]
    public void ATaskSizeSweepWritesTaskCurvesTheirClassesAndTheArtifactFigure()
    {
        string root = Directory.CreateTempSubdirectory("simulate-tasks-").FullName;
        try
        {
            string file = Path.Combine(root, "experiment.json");
            File.WriteAllText(file, """
                {
                  "name": "tiny-tasks",
                  "description": "A test sweep.",
                  "data": "tasks:addition=1,distractor=4,prior=0.8,eval=60",
                  "widths": [8, 16, 24],
                  "tokens_per_run": 30000,
                  "shape": { "layers": 1, "head_size": 8, "width_multiple": 8, "min_width": 8 },
                  "context": 12,
                  "batch": { "max": 8, "min": 4, "min_steps": 100 },
                  "seeds": [0, 1],
                  "validation_sequences": 8,
                  "evaluations_per_run": 4
                }
                """);
            string runs = Path.Combine(root, "runs"), report = Path.Combine(root, "report");
            var result = CliRunner.Run("simulate", "--experiment", file, "--runs", runs, "--out", report, "--bootstrap", "10", "--json");
            Assert.True(result.ExitCode == 0, result.Error);
            var json = JsonNode.Parse(result.Out)!.AsObject();
            Assert.Equal("tiny-tasks", json["experiment"]!.GetValue<string>());
            var curves = json["curves"]!.AsArray();
            Assert.Equal(4, curves.Count);
            Assert.All(curves, c => Assert.False(string.IsNullOrEmpty(c!["class"]!.GetValue<string>())));

            Assert.Equal(File.ReadAllText(Path.Combine(runs, "tasks.csv")), File.ReadAllText(Path.Combine(report, "tasks.csv")));
            string text = File.ReadAllText(Path.Combine(report, "report.md"));
            foreach (var section in new[] { "## Experiment", "## Models", "## Task curves", "## The metric artifact, measured", "## The distractor: a U-shape?", "## Figures" })
                Assert.Contains(section, text);
            // Two seeds per width: the seed means are tabled, and every per-position accuracy is counted once.
            Assert.Contains("Means over the seeds of each size", text);
            Assert.Contains("Per position (6 runs × 2 positions = 12 accuracies)", text);
            Assert.Contains("Per position (6 runs × 4 positions = 24 accuracies)", text);
            foreach (var figure in new[] { "addition-1-artifact", "addition-1-exact-match", "addition-1-per-digit", "distractor-4-artifact" })
                Assert.True(File.Exists(Path.Combine(report, "figures", figure + ".png")), figure);

            // The sweep's task table is what `tasks fit` reads.
            var fit = CliRunner.Run("tasks", "fit", Path.Combine(report, "tasks.csv"), "--task", "addition-1", "--bootstrap", "0");
            Assert.True(fit.ExitCode == 0, fit.Error);
            Assert.Contains("per_digit", fit.Out);
        }
        finally { Directory.Delete(root, recursive: true); }
    }
}
