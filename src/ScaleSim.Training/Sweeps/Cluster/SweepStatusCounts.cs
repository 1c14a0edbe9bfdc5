namespace ScaleSim.Training.Sweeps.Cluster;

/// <summary>How many runs of a sweep stand where.</summary>
/// <param name="Pending">Waiting for a worker.</param>
/// <param name="Claimed">Held, not training yet.</param>
/// <param name="Running">Held and training.</param>
/// <param name="Completed">Trained to the end.</param>
/// <param name="Diverged">Diverged.</param>
/// <param name="Failed">Stopped on an error.</param>
public sealed record SweepStatusCounts(int Pending, int Claimed, int Running, int Completed, int Diverged, int Failed)
{
    /// <summary>Every run.</summary>
    public int Total => Pending + Claimed + Running + Completed + Diverged + Failed;

    /// <summary>Counts the rows.</summary>
    public static SweepStatusCounts Of(IEnumerable<RunStatusRow> rows)
    {
        var list = rows.ToList();
        int Count(SweepRunState s) => list.Count(r => r.State == s);
        return new SweepStatusCounts(Count(SweepRunState.Pending), Count(SweepRunState.Claimed), Count(SweepRunState.Running),
            Count(SweepRunState.Completed), Count(SweepRunState.Diverged), Count(SweepRunState.Failed));
    }
}
