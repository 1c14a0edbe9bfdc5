using ScaleSim.Training.Sweeps.Claims;

namespace ScaleSim.Training.Sweeps.Cluster;

/// <summary>
/// What one task of a cluster job does (a Slurm array task, a Kubernetes Indexed Job pod, a SkyPilot managed job):
/// claim the run at its index of the plan in the shared sweep directory, train it (or resume it, from the checkpoint an
/// earlier attempt left), release the claim, and refresh the store's tables under their lock. Cancelling — what a
/// scheduler's SIGTERM becomes — stops training at the next step with a checkpoint of that step, so the next attempt
/// resumes exactly there and the run ends bit-identical to one trained straight through.
/// </summary>
public static class SweepWorker
{
    /// <summary>Trains run <paramref name="taskIndex"/> of <paramref name="plan"/> into <paramref name="directory"/>.</summary>
    /// <param name="plan">The sweep's plan; a store set up for another definition is refused (<see cref="SweepStore.BindExperiment"/>).</param>
    /// <param name="directory">The sweep directory, on a file system every worker shares.</param>
    /// <param name="taskIndex">The run's index in the plan.</param>
    /// <param name="options">Who the worker is and how it keeps its claim.</param>
    /// <param name="progress">Receives start, step and finish events.</param>
    /// <param name="cancellationToken">Stops training at the next step, leaving the run resumable.</param>
    public static RunSessionResult Run(SweepPlan plan, string directory, int taskIndex, WorkerOptions options,
        IProgress<SweepEvent>? progress = null, CancellationToken cancellationToken = default)
    {
        if (taskIndex < 0 || taskIndex >= plan.Runs.Count)
            throw InputException.About($"{InputName.Of("task_index")} must be a run of the plan, 0 to {plan.Runs.Count - 1}, got {taskIndex}");
        options.Claims.Validate();
        var store = new SweepStore(directory);
        store.BindExperiment(plan);
        var run = plan.Runs[taskIndex];
        var session = RunSession.Run(plan, run, directory, plan.Experiment.Data.Open(), options.Owner, options.Claims, progress, cancellationToken);
        // A session that completed the run changes the tables; one that found it completed refreshes them too, in case
        // the worker that completed it was killed before its own refresh.
        if (session.Outcome is RunOutcome.Trained or RunOutcome.Resumed or RunOutcome.Retrained or RunOutcome.AlreadyCompleted)
            return session with { CompletedRuns = store.RefreshTables(plan, options.Owner) };
        return session;
    }
}
