using ScaleSim.Training.Runs;

namespace ScaleSim.Training.Sweeps;

/// <summary>What a sweep's completed runs cost in training time, each second counted once.</summary>
public static class SweepCost
{
    /// <summary>
    /// Single-core training seconds of the completed runs of <paramref name="plan"/> in <paramref name="directory"/>: a
    /// run's elapsed time, less, for a branch, the stem's seconds it inherited with the stem's checkpoint (counted with
    /// the stem).
    /// </summary>
    public static double CoreSeconds(SweepPlan plan, string directory) => plan.Runs.Sum(r =>
    {
        string path = Path.Combine(directory, r.Id);
        if (SweepRunner.CompletedSummary(path) is not { } summary) return 0;
        double inherited;
        try { inherited = RunDirectory.Open(path).ReadBranchOrigin()?.InheritedSeconds ?? 0; }
        catch (InputException) { inherited = 0; }
        return Math.Max(0, summary.ElapsedSeconds - inherited);
    });
}
