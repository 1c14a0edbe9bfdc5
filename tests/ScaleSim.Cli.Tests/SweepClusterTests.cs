using System.Diagnostics;
using System.Text.Json.Nodes;
using ScaleSim.Experiments.Cluster;
using ScaleSim.Training.Sweeps;

namespace ScaleSim.Cli.Tests;

/// <summary>
/// sweep submit, worker and status from the command line: the sbatch script, workers in separate processes racing for
/// the same runs, and a worker stopped by a real SIGTERM whose run the next worker resumes to the same bits.
/// </summary>
public class SweepClusterTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("sweep-cluster-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void SubmitDryRunPrintsTheScriptAlone()
    {
        string experiment = Experiment("dry", 1e9);
        string store = Path.Combine(_root, "store");
        var result = CliRunner.Run("sweep", "submit", experiment, "--slurm", "--out", store, "--dry-run", "--command", "scalesim",
            "--max-parallel", "3", "--time", "00:30:00", "--partition", "cpu");
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal("", result.Error);
        var lines = result.Out.Split('\n');
        Assert.Equal("#!/bin/bash", lines[0]);
        Assert.Contains("#SBATCH --array=0-3%3", lines);
        Assert.Contains("#SBATCH --time=00:30:00", lines);
        Assert.Contains("#SBATCH --partition=cpu", lines);
        Assert.Contains($"#SBATCH --output={store}/slurm/%A_%a.out", lines);
        Assert.Contains($"exec scalesim sweep worker {experiment} --out {store} --task-index \"$SLURM_ARRAY_TASK_ID\"", lines);
        Assert.False(Directory.Exists(store));

        // Without --command the script runs the ScaleSim that wrote it.
        var own = CliRunner.Run("sweep", "submit", experiment, "--slurm", "--out", store, "--dry-run");
        Assert.Contains($"exec {SlurmArrayScript.Quote(Environment.ProcessPath!)} ", own.Out);
        Assert.Contains($"sweep worker {experiment} --out {store}", own.Out);
    }

    [Theory]
    [InlineData(new[] { "--dry-run" }, "--slurm")]
    [InlineData(new[] { "--slurm", "--time", "2:00" }, "--time must be HH:MM:SS")]
    [InlineData(new[] { "--slurm", "--max-parallel", "0" }, "--max-parallel must be positive")]
    public void BadSubmissionsGetOneLine(string[] options, string expected)
    {
        var result = CliRunner.Run(["sweep", "submit", Experiment("bad", 1e9), "--out", Path.Combine(_root, "bad"), .. options]);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.Contains(expected, result.Error);
        Assert.Single(result.Error.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void WorkerProcessesRacingForTheSameRunsTrainEachOnce()
    {
        string experiment = Experiment("race", 1e9);
        string store = Path.Combine(_root, "race");
        // Two processes per run, started together on a new store: the first to start sets it up.
        int[] indices = [0, 1, 2, 0, 1, 2];
        var workers = indices.Select(i => Start("sweep", "worker", experiment, "--out", store, "--task-index", i.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        var outputs = workers.Select(w => Finish(w, TimeSpan.FromMinutes(2))).ToList();
        Assert.All(outputs, o => Assert.True(o.ExitCode == 0, o.Error));

        var lines = outputs.Select(o => o.Out.Trim()).ToList();
        foreach (var run in lines.Select(l => l.Split(':')[0]).Distinct())
        {
            var mine = lines.Where(l => l.StartsWith(run + ":", StringComparison.Ordinal)).ToList();
            Assert.Equal(2, mine.Count);
            Assert.Single(mine, l => l.Contains(": trained (", StringComparison.Ordinal));
            Assert.Single(mine, l => l.Contains(": busy", StringComparison.Ordinal) || l.Contains(": already completed", StringComparison.Ordinal));
        }

        var status = CliRunner.Run("sweep", "status", experiment, "--out", store, "--json");
        Assert.True(status.ExitCode == 0, status.Error);
        var json = JsonNode.Parse(status.Out)!;
        Assert.Equal(3, json["counts"]!["completed"]!.GetValue<int>());
        Assert.Equal(1, json["counts"]!["pending"]!.GetValue<int>());
        Assert.Equal(3, json["tabled_runs"]!.GetValue<int>());
        Assert.Equal(4, json["runs"]!.AsArray().Count);
        Assert.Equal("pending", json["runs"]![3]!["state"]!.GetValue<string>());
        Assert.Equal(4, File.ReadAllLines(Path.Combine(store, "runs.csv")).Length);

        // A worker of another definition (another version on some node) trains nothing into this store.
        File.WriteAllText(experiment, File.ReadAllText(experiment).Replace("\"seeds\": [0]", "\"seeds\": [1]"));
        var other = CliRunner.Run("sweep", "worker", experiment, "--out", store, "--task-index", "3");
        Assert.Equal(2, other.ExitCode);
        Assert.Contains("is not the definition of race", other.Error);
    }

    [Fact]
    public void AWorkerStoppedBySigtermCheckpointsAndTheNextResumesToTheSameBits()
    {
        if (OperatingSystem.IsWindows()) return;
        string experiment = Experiment("sigterm", 1e10);
        string store = Path.Combine(_root, "sigterm"), straight = Path.Combine(_root, "straight");
        var plan = SweepPlanner.Plan(ExperimentDefinition.Load(experiment));
        const int index = 0;
        string run = plan.Runs[index].Id;

        var worker = Start("sweep", "worker", experiment, "--out", store, "--task-index", "0");
        // Signalled once it is training and has written a checkpoint or two.
        string metrics = Path.Combine(store, run, "metrics.csv");
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while ((!File.Exists(metrics) || File.ReadAllLines(metrics).Length < 3) && DateTime.UtcNow < deadline && !worker.HasExited) Thread.Sleep(20);
        Assert.False(worker.HasExited, "the run finished before it could be signalled; make it longer");
        using (var kill = Process.Start("kill", ["-TERM", worker.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) kill.WaitForExit();
        var stopped = Finish(worker, TimeSpan.FromMinutes(1));
        Assert.True(stopped.ExitCode == 130, $"exit {stopped.ExitCode}: {stopped.Error}");
        Assert.Contains("stopped by SIGTERM", stopped.Error);
        Assert.Contains($"{run}: interrupted (resumable) (steps 0–", stopped.Out);
        long stoppedAt = long.Parse(stopped.Out.Split("steps 0–")[1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(stoppedAt, 1, plan.Runs[index].Steps - 1);

        var resumed = CliRunner.Run("sweep", "worker", experiment, "--out", store, "--task-index", "0");
        Assert.True(resumed.ExitCode == 0, resumed.Error);
        Assert.Contains($"{run}: resumed and completed (steps {stoppedAt}–{plan.Runs[index].Steps} of {plan.Runs[index].Steps}, claim 1)", resumed.Out);

        var reference = CliRunner.Run("sweep", "run", experiment, "--out", straight, "--parallel", "2");
        Assert.True(reference.ExitCode == 0, reference.Error);
        string Row(string directory) => File.ReadAllLines(Path.Combine(directory, "runs.csv")).Single(l => l.StartsWith(run + ",", StringComparison.Ordinal));
        IEnumerable<string> Curve(string directory) => File.ReadAllLines(Path.Combine(directory, "curves.csv")).Where(l => l.StartsWith(run + ",", StringComparison.Ordinal));
        Assert.Equal(Row(straight), Row(store));
        Assert.Equal(Curve(straight), Curve(store));
    }

    private string Experiment(string name, double budget)
    {
        string path = Path.Combine(_root, name + ".json");
        File.WriteAllText(path, $$"""
            {
              "name": "{{name}}",
              "data": "synthetic:k=1,V=16,seed=3",
              "budgets": [{{budget.ToString("0e0", System.Globalization.CultureInfo.InvariantCulture)}}],
              "flop_model": "kaplan",
              "sizes_per_budget": 5,
              "size_span": 12,
              "prior_optimum": { "params": 5000, "flops": {{budget.ToString("0e0", System.Globalization.CultureInfo.InvariantCulture)}}, "exponent": 0.6 },
              "shape": { "layers": 1, "head_size": 8, "width_multiple": 8, "min_width": 8, "max_width": 64 },
              "context": 16,
              "batch": { "max": 4, "min": 2, "min_steps": 50 },
              "seeds": [0],
              "validation_sequences": 8,
              "evaluations_per_run": 10
            }
            """);
        return path;
    }

    // The scalesim this test project was built with, in a process of its own.
    private static Process Start(params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "scalesim.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        // Not a Slurm task, whatever runs the tests.
        foreach (var variable in new[] { "SLURM_JOB_ID", "SLURM_ARRAY_JOB_ID", "SLURM_ARRAY_TASK_ID", "SLURM_CLUSTER_NAME" }) start.Environment.Remove(variable);
        return Process.Start(start)!;
    }

    private static CliRunner.Result Finish(Process process, TimeSpan timeout)
    {
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill();
                throw new TimeoutException($"scalesim did not finish in {timeout}");
            }
            return new CliRunner.Result(process.ExitCode, stdout.Result, stderr.Result);
        }
    }
}
