using ScaleSim.Experiments.Cluster;
using ScaleSim.Training.Sweeps;
using ScaleSim.Training.Sweeps.Claims;
using ScaleSim.Training.Sweeps.Cluster;

namespace ScaleSim.Experiments.Tests.Cluster;

/// <summary>The sbatch script of a sweep and its submission, checked without a cluster (a stand-in sbatch records what it was given).</summary>
public class SlurmSubmissionTests
{
    private const string Worker = "scalesim sweep worker tiny --out /shared/runs/tiny --task-index \"$SLURM_ARRAY_TASK_ID\"";

    [Theory]
    [InlineData(new[] { 0, 1, 2, 3, 4 }, null, "0-4")]
    [InlineData(new[] { 7, 0, 1, 2, 9, 10, 4 }, 3, "0-2,4,7,9-10%3")]
    [InlineData(new[] { 5 }, 1, "5%1")]
    public void TheArrayListsTheIndicesAsRangesWithTheThrottle(int[] indices, int? maxParallel, string expected) =>
        Assert.Equal(expected, SlurmArrayScript.ArraySpec(indices, maxParallel));

    [Fact]
    public void TheScriptAsksForWhatWasGivenAndExecsTheWorker()
    {
        var options = new SlurmJobOptions { Partition = "gpu", GpusPerTask = 1, CpusPerTask = 4, TimeLimit = "02:00:00", MaxParallel = 8 };
        string script = SlurmArrayScript.Render(new SlurmArrayJob("scalesim-tiny", [0, 1, 2, 5], options, "/shared/runs/tiny/slurm/%A_%a.out", Worker, ["a comment"]));
        var lines = script.Split('\n');
        Assert.Equal("#!/bin/bash", lines[0]);
        Assert.Equal("# a comment", lines[1]);
        foreach (var directive in new[] { "--job-name=scalesim-tiny", "--array=0-2,5%8", "--output=/shared/runs/tiny/slurm/%A_%a.out", "--ntasks=1",
            "--cpus-per-task=4", "--gpus-per-task=1", "--partition=gpu", "--time=02:00:00", "--requeue" })
            Assert.Contains("#SBATCH " + directive, lines);
        // Every directive comes before the first command, or sbatch ignores it.
        int firstCommand = Array.FindIndex(lines, l => l.Length > 0 && !l.StartsWith('#'));
        Assert.True(Array.FindLastIndex(lines, l => l.StartsWith("#SBATCH", StringComparison.Ordinal)) < firstCommand);
        Assert.Equal("exec " + Worker, lines.Last(l => l.Length > 0));

        string plain = SlurmArrayScript.Render(new SlurmArrayJob("j", [3], new SlurmJobOptions(), "o", "w", []));
        Assert.DoesNotContain("--partition", plain);
        Assert.DoesNotContain("--gpus-per-task", plain);
        Assert.DoesNotContain("--time", plain);
        Assert.Contains("#SBATCH --array=3\n", plain);
    }

    [Theory]
    [InlineData("2:00", "time_limit")]
    [InlineData("1-02:00:61", "time_limit")]
    [InlineData("my part", "partition")]
    public void BadOptionsAreNamed(string value, string parameter)
    {
        var options = parameter == "partition" ? new SlurmJobOptions { Partition = value } : new SlurmJobOptions { TimeLimit = value };
        var error = Assert.Throws<InputException>(options.Validate);
        Assert.Equal([parameter], error.Parameters);
        Assert.Contains(value, error.Message);
    }

    [Fact]
    public void WordsAreQuotedForTheShell()
    {
        Assert.Equal("/opt/scalesim/scalesim", SlurmArrayScript.Quote("/opt/scalesim/scalesim"));
        Assert.Equal("'/my runs/x'", SlurmArrayScript.Quote("/my runs/x"));
        Assert.Equal("'it'\\''s'", SlurmArrayScript.Quote("it's"));
        Assert.Equal("'$HOME'", SlurmArrayScript.Quote("$HOME"));
    }

    [Fact]
    public void ASubmissionRecordsItsJobAndAResubmissionLeavesOutFinishedRuns()
    {
        using var root = new TemporaryDirectory();
        var plan = SweepPlanner.Plan(TinyExperiment());
        string store = root.Combine("store");
        string sbatch = root.Combine("sbatch");
        // A stand-in for sbatch: keeps the script it was given and answers as --parsable does.
        File.WriteAllText(sbatch, $"#!/bin/sh\ncp \"$2\" {root.Combine("submitted.sh")}\necho \"$1\" > {root.Combine("arguments")}\necho '4242;cluster'\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(sbatch, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var dry = SlurmSubmission.Submit(plan, store, Worker, new SlurmJobOptions { MaxParallel = 2 }, dryRun: true, sbatch);
        Assert.Null(dry.JobId);
        Assert.False(Directory.Exists(store));
        Assert.Contains($"#SBATCH --array=0-{plan.Runs.Count - 1}%2", dry.Script);

        var first = SlurmSubmission.Submit(plan, store, Worker, new SlurmJobOptions { MaxParallel = 2 }, dryRun: false, sbatch);
        Assert.Equal("4242", first.JobId);
        Assert.Equal(plan.Runs.Count, first.Tasks.Count);
        Assert.Equal(dry.Script, File.ReadAllText(root.Combine("submitted.sh")));
        Assert.Equal(first.Script, File.ReadAllText(first.ScriptPath!));
        Assert.Equal("--parsable", File.ReadAllText(root.Combine("arguments")).Trim());
        Assert.True(File.Exists(Path.Combine(store, "experiment.json")));
        Assert.True(Directory.Exists(Path.Combine(store, "slurm")));

        // Two runs completed and one held by a live worker: the resubmission leaves out the completed two only.
        SweepWorker.Run(plan, store, 1, new WorkerOptions());
        SweepWorker.Run(plan, store, 3, new WorkerOptions());
        using var held = RunClaim.TryAcquire(store, plan.Runs[0].Id, ClaimOwner.Current(), new ClaimOptions()).Claim!;
        var second = SlurmSubmission.Submit(plan, store, Worker, new SlurmJobOptions(), dryRun: false, sbatch);
        Assert.Equal(Enumerable.Range(0, plan.Runs.Count).Except([1, 3]), second.Indices);
        Assert.Contains($"#SBATCH --array=0,2,4-{plan.Runs.Count - 1}\n", second.Script);
        var submissions = new SweepStore(store).Submissions();
        Assert.Equal(2, submissions.Count);
        Assert.Equal(second.Indices, submissions[1].Indices);

        // A missing sbatch is one line that says what to do instead.
        var error = Assert.Throws<InputException>(() => SlurmSubmission.Submit(plan, store, Worker, new SlurmJobOptions(), dryRun: false, root.Combine("no-sbatch")));
        Assert.Equal(["dry_run"], error.Parameters);
    }

    private static ScaleSim.Training.Sweeps.ExperimentDefinition TinyExperiment() => ScaleSim.Training.Sweeps.ExperimentDefinition.Parse("""
        {
          "name": "tiny-slurm",
          "data": "synthetic:k=1,V=16,seed=3",
          "budgets": [1e9, 3e9],
          "flop_model": "kaplan",
          "sizes_per_budget": 5,
          "size_span": 12,
          "prior_optimum": { "params": 5000, "flops": 1e9, "exponent": 0.6 },
          "shape": { "layers": 1, "head_size": 8, "width_multiple": 8, "min_width": 8, "max_width": 64 },
          "context": 16,
          "batch": { "max": 4, "min": 2, "min_steps": 50 },
          "seeds": [0],
          "validation_sequences": 8,
          "evaluations_per_run": 5
        }
        """, "tiny-slurm");
}
