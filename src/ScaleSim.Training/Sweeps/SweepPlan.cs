namespace ScaleSim.Training.Sweeps;

/// <summary>The runs of an experiment and what they will cost.</summary>
/// <param name="Experiment">The definition.</param>
/// <param name="Vocab">The data's vocabulary size.</param>
/// <param name="Runs">Every run, IsoFLOP runs first (by budget, then size), then horizons.</param>
/// <param name="Warnings">Runs that will take fewer steps than the batch rule asks for, and similar.</param>
public sealed record SweepPlan(ExperimentDefinition Experiment, int Vocab, IReadOnlyList<PlannedRun> Runs, IReadOnlyList<string> Warnings)
{
    /// <summary>Total single-core seconds, when estimated.</summary>
    public double? EstimatedCoreSeconds => Runs.All(r => r.EstimatedSeconds.HasValue) ? Runs.Sum(r => r.EstimatedSeconds!.Value) : null;
}
