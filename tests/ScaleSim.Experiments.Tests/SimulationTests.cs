using System.Text.Json.Nodes;
using ScaleSim.Cli;
using ScaleSim.Experiments.Json;
using ScaleSim.Flops;
using ScaleSim.Training.Sweeps;

namespace ScaleSim.Experiments.Tests;

/// <summary>The quick experiment through the library entry point, checked against the command line's JSON for the same runs.</summary>
public class SimulationTests
{
    [Fact]
    public void TheQuickExperimentThroughTheLibraryMatchesTheCommandLine()
    {
        using var root = new TemporaryDirectory();
        string runs = root.Combine("runs"), report = root.Combine("report");
        var experiment = ExperimentCatalog.Resolve(ExperimentCatalog.Quick);
        var stages = new List<string>();
        var result = Simulation.Run(experiment, new SimulationOptions { RunsDirectory = runs, ReportDirectory = report, Resamples = 20 }, new Recorder(stages));

        var isoFlop = Assert.IsType<IsoFlopSimulationResult>(result);
        var planned = isoFlop.Sweep.Plan;
        // The quick experiment has two seeds and warmup-stable-decay branches: every point is a branch of a stem.
        var points = planned.Runs.Where(r => r.Role != RunRole.Stem).ToList();
        var stems = planned.Runs.Where(r => r.Role == RunRole.Stem).ToList();
        Assert.NotEmpty(stems);
        Assert.All(points, p => Assert.Contains(stems, s => s.Id == p.Stem));
        Assert.Contains(stems, s => s.BranchSteps.Count >= 2);
        Assert.Equal(2, points.Select(p => p.Seed).Distinct().Count());
        Assert.Equal(planned.Runs.Count, isoFlop.Sweep.TrainedNow);
        Assert.Equal([ParameterConvention.NonEmbedding, ParameterConvention.Total], isoFlop.Analyses.Select(a => a.Convention));
        int analysed = points.Count(p => p.Steps >= experiment.Batch.MinSteps);
        Assert.Equal(analysed, isoFlop.Primary.Input.Runs.Count);
        Assert.StartsWith("seeds within each size", isoFlop.Primary.Result.Resampling);
        Assert.Contains(isoFlop.Primary.Result.SeedNoise, n => n.LogLossStd is > 0);
        Assert.NotNull(isoFlop.Primary.Result.Backtest);
        Assert.NotEmpty(isoFlop.Targets);
        Assert.Contains(isoFlop.Robustness, r => r.IsBaseline && r.A3 is not null);
        Assert.Equal(isoFlop.Primary.Result.Approach3.A, isoFlop.Robustness[0].A3!.Value, 6);
        // A branch costs its cool-down, a stem its constant-rate steps once: the sweep's compute is under what the points
        // would cost trained from scratch. Only under: the planner places different sizes at each budget, so most stems
        // serve a single branch (0.86 of the from-scratch compute here).
        Assert.True(planned.Runs.Sum(r => r.OwnFlops) < points.Sum(p => p.Flops));
        Assert.Contains(stages, s => s.StartsWith("analysing", StringComparison.Ordinal));

        // result.json beside the report is the result's JSON.
        var library = SimulationResultJson.ToJson(result);
        var written = JsonNode.Parse(File.ReadAllText(Path.Combine(report, "result.json")))!;
        Assert.True(JsonNode.DeepEquals(library, written));
        foreach (var file in new[] { "report.md", "runs.csv", "curves.csv", "figures/isoflop-parabolas.png", "figures/conventions.png" })
            Assert.True(File.Exists(Path.Combine(report, file)), file);

        // The command line on the same runs (all completed now) prints the same JSON, but for the sweep's wall time.
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = ScaleSimApp.Run(["simulate", "--quick", "--runs", runs, "--out", root.Combine("cli-report"), "--bootstrap", "20", "--json"], stdout, stderr);
        Assert.True(code == 0, stderr.ToString());
        var cli = JsonNode.Parse(stdout.ToString())!.AsObject();
        Assert.Contains($"{planned.Runs.Count} already completed", stderr.ToString());
        library.Remove("sweep_seconds");
        cli.Remove("sweep_seconds");
        Assert.True(JsonNode.DeepEquals(library, cli), $"library:\n{library}\ncommand line:\n{cli}");
        Assert.Equal(isoFlop.Primary.Result.Approach3.A, cli["approach3"]!["a"]!.GetValue<double>());
        Assert.Equal(isoFlop.Analyses[1].Result.Approach2!.A, cli["other_convention"]!["approach2"]!["a"]!.GetValue<double>());

        // The same store while a cluster still trains it: one run not started, one held by a live worker. Without
        // training, the completed runs are analysed and the notes say the sweep is in progress.
        string partial = root.Combine("partial");
        CopyDirectory(runs, partial);
        var plan = isoFlop.Sweep.Plan;
        var (notStarted, held) = (points[0], points[5]);
        Directory.Delete(Path.Combine(partial, notStarted.Id), recursive: true);
        Directory.Delete(Path.Combine(partial, held.Id), recursive: true);
        SweepTables.Write(plan, partial);
        var worker = new ScaleSim.Training.Sweeps.Claims.ClaimOwner("node-1", 1, DateTimeOffset.UtcNow);
        using var claim = ScaleSim.Training.Sweeps.Claims.RunClaim.TryAcquire(partial, held.Id, worker, new()).Claim!;
        var inProgress = Assert.IsType<IsoFlopSimulationResult>(Simulation.Run(experiment,
            new SimulationOptions { RunsDirectory = partial, Resamples = 20, Train = false }));
        Assert.Equal(0, inProgress.Sweep.TrainedNow);
        Assert.Equal([notStarted, held], inProgress.Sweep.Unfinished);
        Assert.Equal(RunOutcome.Busy, inProgress.Sweep.Outcomes.Single(o => o.Run == held).Outcome);
        Assert.Equal(analysed - new[] { notStarted, held }.Count(p => p.Steps >= experiment.Batch.MinSteps), inProgress.Primary.Input.Runs.Count);
        Assert.Contains(inProgress.Notes, n => n.Contains($"sweep in progress: 2 of the {points.Count} planned runs", StringComparison.Ordinal));
        Assert.False(Directory.Exists(Path.Combine(partial, notStarted.Id)));
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var directory in Directory.GetDirectories(from)) CopyDirectory(directory, Path.Combine(to, Path.GetFileName(directory)));
    }

    [Fact]
    public void AStoppedSweepIsReportedAsInterruptedAndNothingIsAnalysed()
    {
        using var root = new TemporaryDirectory();
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        var result = Simulation.Run(ExperimentCatalog.Resolve(ExperimentCatalog.Quick),
            new SimulationOptions { RunsDirectory = root.Combine("runs"), ReportDirectory = root.Combine("report") }, cancellationToken: cancel.Token);
        var interrupted = Assert.IsType<InterruptedSimulation>(result);
        Assert.True(interrupted.Sweep.Interrupted);
        Assert.All(interrupted.Sweep.Outcomes, o => Assert.Equal(RunOutcome.Interrupted, o.Outcome));
        Assert.False(Directory.Exists(root.Combine("report")));
    }

    [Theory]
    [InlineData(0, 20, "parallel_runs must be positive, got 0")]
    [InlineData(1, 1, "resamples must be at least 2, got 1")]
    public void BadOptionsAreNamedInTheLibrarysTerms(int parallel, int resamples, string message)
    {
        using var root = new TemporaryDirectory();
        var error = Assert.Throws<InputException>(() => Simulation.Run(ExperimentCatalog.Resolve(ExperimentCatalog.Quick),
            new SimulationOptions { RunsDirectory = root.Combine("runs"), ParallelRuns = parallel, Resamples = resamples }));
        Assert.Equal(message, error.Message);
    }

    private sealed class Recorder(List<string> stages) : ISimulationObserver
    {
        public void Stage(string description)
        {
            lock (stages) stages.Add(description);
        }
    }
}
