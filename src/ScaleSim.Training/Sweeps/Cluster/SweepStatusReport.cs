namespace ScaleSim.Training.Sweeps.Cluster;

/// <summary>Where a sweep stands.</summary>
/// <param name="Experiment">The experiment's name.</param>
/// <param name="Directory">The sweep directory.</param>
/// <param name="Counts">How many runs stand where.</param>
/// <param name="Runs">Every run, in plan order.</param>
/// <param name="QueueConsulted">Whether the scheduler's queue was asked (squeue was there to ask).</param>
/// <param name="TabledRuns">Completed runs in runs.csv (fewer than completed while a refresh is due).</param>
public sealed record SweepStatusReport(string Experiment, string Directory, SweepStatusCounts Counts, IReadOnlyList<RunStatusRow> Runs, bool QueueConsulted,
    int TabledRuns);
