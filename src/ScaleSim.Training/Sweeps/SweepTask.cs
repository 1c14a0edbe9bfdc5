namespace ScaleSim.Training.Sweeps;

/// <summary>
/// What one worker trains as a unit, in order: a run trained from scratch, or a stem followed by its branches (each
/// needs the stem's checkpoint of its first cool-down step). Cluster array tasks and the local sweep's queue hand out
/// these; each run inside is still claimed on its own.
/// </summary>
/// <param name="Runs">The runs, a stem first.</param>
public sealed record SweepTask(IReadOnlyList<PlannedRun> Runs)
{
    /// <summary>The task's name: its first run's id.</summary>
    public string Id => Runs[0].Id;

    /// <summary>Compute the task spends itself (branches count their cool-down only).</summary>
    public double OwnFlops => Runs.Sum(r => r.OwnFlops);

    /// <summary>Estimated single-core seconds, when every run has an estimate.</summary>
    public double? EstimatedSeconds => Runs.All(r => r.EstimatedSeconds.HasValue) ? Runs.Sum(r => r.EstimatedSeconds!.Value) : null;
}
