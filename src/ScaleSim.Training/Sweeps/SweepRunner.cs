using ScaleSim.Training.Backends;
using ScaleSim.Training.Runs;
using ScaleSim.Training.Sweeps.Claims;

namespace ScaleSim.Training.Sweeps;

/// <summary>
/// Trains every run of a plan into its own directory under the sweep directory, several at once (one CPU thread each),
/// and keeps runs.csv and curves.csv current. The queue hands out the plan's tasks (<see cref="SweepPlan.Tasks"/>): a run,
/// or a stem and then its branches. Resumable at any moment: completed runs are skipped, interrupted ones
/// continue from their checkpoint, diverged ones are reported and left alone, and a corrupt or foreign run directory is
/// reported, deleted and retrained — never parsed as a result. Each run is claimed as a cluster worker claims it
/// (<see cref="RunClaim"/>), so this process, other sweep processes and workers on other hosts never train the same
/// run; a run another of them holds is reported busy.
/// </summary>
public static class SweepRunner
{
    /// <summary>Runs the plan; returns each run's outcome in plan order.</summary>
    /// <param name="plan">The runs.</param>
    /// <param name="directory">The sweep directory (created if missing).</param>
    /// <param name="parallelRuns">Runs trained at once; tiny models train best one per core.</param>
    /// <param name="progress">Receives start, step and finish events (from several threads).</param>
    /// <param name="cancellationToken">Stops every active run at its next step, leaving it resumable.</param>
    /// <param name="claimOptions">Heartbeats and stale times of the claims (defaults when null).</param>
    /// <param name="device">Where every run trains; the parallel runs of a sweep on a GPU share it, each with its own buffers and stream.</param>
    public static IReadOnlyList<(PlannedRun Run, RunOutcome Outcome)> Run(SweepPlan plan, string directory, int parallelRuns,
        IProgress<SweepEvent>? progress = null, CancellationToken cancellationToken = default, ClaimOptions? claimOptions = null,
        TrainingDevice device = TrainingDevice.Auto)
    {
        if (parallelRuns <= 0) throw InputException.About($"{InputName.Of("parallel_runs")} must be positive, got {parallelRuns}");
        claimOptions ??= new ClaimOptions();
        claimOptions.Validate();
        var store = new SweepStore(directory);
        store.WriteExperiment(plan);
        // One source for every run: building it (a Markov chain's stationary law, a task layout) is deterministic, and
        // sampling from it is a pure function of (run seed, step).
        var source = plan.Experiment.Data.Open();
        var owner = ClaimOwner.Current();
        var outcomes = new RunOutcome[plan.Runs.Count];
        var index = plan.Runs.Select((r, i) => (r.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var tasks = plan.Tasks;
        // Largest tasks first, so the last ones to finish are short and the cores stay busy to the end.
        var order = Enumerable.Range(0, tasks.Count).OrderByDescending(i => tasks[i].OwnFlops).ToArray();
        try
        {
            // One task at a time, in that order: Parallel.ForEach over an array would hand each worker a contiguous range,
            // putting all the largest tasks on one core.
            var queue = System.Collections.Concurrent.Partitioner.Create(order, System.Collections.Concurrent.EnumerablePartitionerOptions.NoBuffering);
            Parallel.ForEach(queue, new ParallelOptions { MaxDegreeOfParallelism = parallelRuns }, (t, state) =>
            {
                foreach (var run in tasks[t].Runs)
                {
                    int i = index[run.Id];
                    if (cancellationToken.IsCancellationRequested) { outcomes[i] = RunOutcome.Interrupted; continue; }
                    outcomes[i] = RunSession.Run(plan, run, directory, source, owner, claimOptions, progress, cancellationToken, device).Outcome;
                    if ((outcomes[i] is RunOutcome.Trained or RunOutcome.Resumed or RunOutcome.Retrained) && run.Role != RunRole.Stem)
                        store.RefreshTables(plan, owner);
                }
            });
        }
        finally
        {
            store.RefreshTables(plan, owner);
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
}
