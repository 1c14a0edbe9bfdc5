namespace ScaleSim.Training.Sweeps;

/// <summary>What one session of one run did: claimed it (or not), trained it from one step to another, and how it ended.</summary>
/// <param name="Run">The run.</param>
/// <param name="Outcome">How the session ended.</param>
/// <param name="FromStep">The step training started from (the checkpoint's, when resumed).</param>
/// <param name="ToStep">The step it stopped at; equal to <paramref name="FromStep"/> when nothing was trained.</param>
/// <param name="ClaimGeneration">The generation of the claim the session held, when it held one.</param>
/// <param name="Note">Why, when there is something to say: a takeover, who holds the run, a corrupt directory.</param>
public sealed record RunSessionResult(PlannedRun Run, RunOutcome Outcome, long FromStep, long ToStep, int? ClaimGeneration, string? Note)
{
    /// <summary>Completed runs in the store's tables after this session refreshed them; null when it did not.</summary>
    public int? CompletedRuns { get; init; }

    /// <summary>Steps trained in this session.</summary>
    public long StepsTrained => ToStep - FromStep;
}
