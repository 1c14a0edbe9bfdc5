using ScaleSim.Training.Sweeps;

namespace ScaleSim.Experiments;

/// <summary>What the sweep of a simulation did.</summary>
/// <param name="Plan">The runs.</param>
/// <param name="Outcomes">Each run's outcome, in plan order.</param>
/// <param name="Seconds">Wall time of the sweep in this invocation.</param>
/// <param name="ParallelRuns">Runs trained at once.</param>
public sealed record SweepOutcome(SweepPlan Plan, IReadOnlyList<(PlannedRun Run, RunOutcome Outcome)> Outcomes, double Seconds, int ParallelRuns)
{
    /// <summary>Runs this invocation trained (from scratch, resumed or retrained) rather than found completed.</summary>
    public int TrainedNow => Outcomes.Count(o => o.Outcome is RunOutcome.Trained or RunOutcome.Resumed or RunOutcome.Retrained);

    /// <summary>Whether some run was stopped by cancelling this invocation.</summary>
    public bool Interrupted => Outcomes.Any(o => o.Outcome == RunOutcome.Interrupted);

    /// <summary>Runs neither completed nor diverged: held by other workers, or left to them.</summary>
    public IReadOnlyList<PlannedRun> Unfinished => Outcomes.Where(o => o.Outcome is RunOutcome.Busy or RunOutcome.Pending).Select(o => o.Run).ToList();

    /// <summary>Runs that diverged (reported, not retried).</summary>
    public IReadOnlyList<PlannedRun> Diverged => Outcomes.Where(o => o.Outcome == RunOutcome.Diverged).Select(o => o.Run).ToList();
}
