using ScaleSim.Training.Sweeps.Claims;

namespace ScaleSim.Training.Sweeps.Cluster;

/// <summary>
/// What one task of a cluster job does (a Slurm array task, a Kubernetes Indexed Job pod, a SkyPilot managed job):
/// take the task at its index of the plan (<see cref="SweepPlan.Tasks"/>: a run, or a stem and then its branches) in the
/// shared sweep directory, and for each of its runs claim it, train it (or resume it, from the checkpoint an earlier
/// attempt left; a branch from its stem's checkpoint), release the claim; then refresh the store's tables under their
/// lock. Cancelling — what a scheduler's SIGTERM becomes — stops training at the next step with a checkpoint of that
/// step, so the next attempt resumes exactly there and every run ends bit-identical to one trained straight through.
/// </summary>
public static class SweepWorker
{
    /// <summary>Trains task <paramref name="taskIndex"/> of <paramref name="plan"/> into <paramref name="directory"/>; returns a session per run it reached.</summary>
    /// <param name="plan">The sweep's plan; a store set up for another definition is refused (<see cref="SweepStore.BindExperiment"/>).</param>
    /// <param name="directory">The sweep directory, on a file system every worker shares.</param>
    /// <param name="taskIndex">The task's index in <see cref="SweepPlan.Tasks"/> (the run's index in the plan when no run branches).</param>
    /// <param name="options">Who the worker is and how it keeps its claims.</param>
    /// <param name="progress">Receives start, step and finish events.</param>
    /// <param name="cancellationToken">Stops training at the next step, leaving the run resumable.</param>
    public static IReadOnlyList<RunSessionResult> Run(SweepPlan plan, string directory, int taskIndex, WorkerOptions options,
        IProgress<SweepEvent>? progress = null, CancellationToken cancellationToken = default)
    {
        var tasks = plan.Tasks;
        if (taskIndex < 0 || taskIndex >= tasks.Count)
            throw InputException.About($"{InputName.Of("task_index")} must be a task of the plan, 0 to {tasks.Count - 1}, got {taskIndex}");
        options.Claims.Validate();
        var store = new SweepStore(directory);
        store.BindExperiment(plan);
        var source = plan.Experiment.Data.Open();
        var sessions = new List<RunSessionResult>();
        foreach (var run in tasks[taskIndex].Runs)
        {
            var session = RunSession.Run(plan, run, directory, source, options.Owner, options.Claims, progress, cancellationToken);
            sessions.Add(session);
            if (session.Outcome == RunOutcome.Interrupted) break;
        }
        // Sessions that completed a run change the tables; one that found it completed refreshes them too, in case the
        // worker that completed it was killed before its own refresh.
        if (!sessions.Any(s => s.Outcome is RunOutcome.Trained or RunOutcome.Resumed or RunOutcome.Retrained or RunOutcome.AlreadyCompleted))
            return sessions;
        int? completed = store.RefreshTables(plan, options.Owner);
        return sessions.Select(s => s.Outcome is RunOutcome.Trained or RunOutcome.Resumed or RunOutcome.Retrained or RunOutcome.AlreadyCompleted
            ? s with { CompletedRuns = completed } : s).ToList();
    }
}
