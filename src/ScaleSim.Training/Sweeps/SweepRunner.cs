using System.Text.Json;
using ScaleSim.Training.Data;
using ScaleSim.Training.Runs;

namespace ScaleSim.Training.Sweeps;

/// <summary>
/// Trains every run of a plan into its own directory under the sweep directory, several at once (one CPU thread each),
/// and keeps runs.csv and curves.csv current. Resumable at any moment: completed runs are skipped, interrupted ones
/// continue from their checkpoint, diverged ones are reported and left alone, and a corrupt or foreign run directory is
/// reported, deleted and retrained — never parsed as a result. A lock per run keeps two sweep processes off the same run.
/// </summary>
public static class SweepRunner
{
    /// <summary>Runs the plan; returns each run's outcome in plan order.</summary>
    /// <param name="plan">The runs.</param>
    /// <param name="directory">The sweep directory (created if missing).</param>
    /// <param name="parallelRuns">Runs trained at once; tiny models train best one per core.</param>
    /// <param name="progress">Receives start, step and finish events (from several threads).</param>
    /// <param name="cancellationToken">Stops every active run at its next step, leaving it resumable.</param>
    public static IReadOnlyList<(PlannedRun Run, RunOutcome Outcome)> Run(SweepPlan plan, string directory, int parallelRuns,
        IProgress<SweepEvent>? progress = null, CancellationToken cancellationToken = default)
    {
        if (parallelRuns <= 0) throw InputException.About($"{InputName.Of("parallel_runs")} must be positive, got {parallelRuns}");
        Directory.CreateDirectory(directory);
        // One source for every run: building it (a Markov chain's stationary law, a task layout) is deterministic, and
        // sampling from it is a pure function of (run seed, step).
        var source = plan.Experiment.Data.Open();
        Runs.AtomicFile.WriteAllText(Path.Combine(directory, "experiment.json"), plan.Experiment.ToJson());
        var outcomes = new RunOutcome[plan.Runs.Count];
        var tablesLock = new object();
        // Largest runs first, so the last ones to finish are short and the cores stay busy to the end.
        var order = Enumerable.Range(0, plan.Runs.Count).OrderByDescending(i => plan.Runs[i].Flops).ToArray();
        try
        {
            // One run at a time, in that order: Parallel.ForEach over an array would hand each worker a contiguous range,
            // putting all the largest runs on one core.
            var queue = System.Collections.Concurrent.Partitioner.Create(order, System.Collections.Concurrent.EnumerablePartitionerOptions.NoBuffering);
            Parallel.ForEach(queue, new ParallelOptions { MaxDegreeOfParallelism = parallelRuns }, (i, state) =>
            {
                if (cancellationToken.IsCancellationRequested) { outcomes[i] = RunOutcome.Interrupted; return; }
                outcomes[i] = RunOne(plan, plan.Runs[i], directory, source, progress, cancellationToken);
                if (outcomes[i] is RunOutcome.Trained or RunOutcome.Resumed or RunOutcome.Retrained)
                    lock (tablesLock) SweepTables.Write(plan, directory);
            });
        }
        finally
        {
            lock (tablesLock) SweepTables.Write(plan, directory);
        }
        return plan.Runs.Select((r, i) => (r, outcomes[i])).ToList();
    }

    /// <summary>The summary of a completed run in <paramref name="runDirectory"/>, or null when it is not one.</summary>
    public static RunSummary? CompletedSummary(string runDirectory)
    {
        try
        {
            var summary = RunDirectory.Open(runDirectory).ReadSummary();
            return summary?.Status == RunStatus.Completed && File.Exists(Path.Combine(runDirectory, "metrics.csv")) ? summary : null;
        }
        catch (InputException)
        {
            return null;
        }
    }

    private static RunOutcome RunOne(SweepPlan plan, PlannedRun run, string directory, ITokenSource source, IProgress<SweepEvent>? progress, CancellationToken cancellationToken)
    {
        string path = Path.Combine(directory, run.Id);
        using var claim = RunLock.TryAcquire(path + ".lock");
        if (claim is null)
        {
            progress?.Report(new SweepEvent(run, default, RunOutcome.Busy, "another sweep process is training it"));
            return RunOutcome.Busy;
        }

        var config = run.ToConfig(plan.Experiment);
        var (state, note) = Inspect(path, config);
        if (state == RunOutcome.AlreadyCompleted || state == RunOutcome.Diverged)
        {
            progress?.Report(new SweepEvent(run, default, state, note));
            return state;
        }
        if (state == RunOutcome.Retrained) Directory.Delete(path, recursive: true);

        progress?.Report(new SweepEvent(run, default, null, note));
        var reporter = progress is null ? null : new Progress(p => progress.Report(new SweepEvent(run, p, null)));
        RunSummary summary;
        if (state == RunOutcome.Resumed)
        {
            try
            {
                summary = Trainer.Resume(path, reporter, cancellationToken, source: source);
            }
            catch (Exception e) when (e is InputException or IOException or InvalidDataException or EndOfStreamException)
            {
                // A checkpoint that cannot be read is no result: start the run again.
                progress?.Report(new SweepEvent(run, default, null, $"{path}: cannot resume ({e.Message}); retraining"));
                Directory.Delete(path, recursive: true);
                state = RunOutcome.Retrained;
                summary = Trainer.Run(config, path, reporter, cancellationToken, source);
            }
        }
        else
        {
            summary = Trainer.Run(config, path, reporter, cancellationToken, source);
        }
        var outcome = summary.Status switch
        {
            RunStatus.Completed => state,
            RunStatus.Diverged => RunOutcome.Diverged,
            _ => RunOutcome.Interrupted,
        };
        progress?.Report(new SweepEvent(run, default, outcome, summary.Message));
        return outcome;
    }

    /// <summary>
    /// What the directory holds: nothing (train), a completed or diverged run of this config, an interrupted one of this
    /// config (resume), or something else — unreadable files or another config — which is retrained.
    /// </summary>
    private static (RunOutcome State, string? Note) Inspect(string path, TrainingConfig config)
    {
        if (!Directory.Exists(path)) return (RunOutcome.Trained, null);
        try
        {
            var directory = RunDirectory.Open(path);
            var stored = directory.ReadConfig();
            if (stored with { Threads = config.Threads, Device = config.Device } != config)
                return (RunOutcome.Retrained, $"{path}: config.json differs from the plan; retraining");
            var summary = directory.ReadSummary();
            return summary?.Status switch
            {
                RunStatus.Completed when File.Exists(directory.MetricsPath) => (RunOutcome.AlreadyCompleted, null),
                RunStatus.Completed => (RunOutcome.Retrained, $"{path}: completed but metrics.csv is missing; retraining"),
                RunStatus.Diverged => (RunOutcome.Diverged, summary.Message ?? "diverged in an earlier session"),
                _ when File.Exists(directory.CheckpointPath) => (RunOutcome.Resumed, null),
                _ => (RunOutcome.Retrained, $"{path}: no checkpoint to resume from; retraining"),
            };
        }
        catch (Exception e) when (e is InputException or JsonException or IOException)
        {
            return (RunOutcome.Retrained, $"{path}: unreadable run directory ({e.Message}); retraining");
        }
    }

    private sealed class Progress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
