namespace ScaleSim.Training.Sweeps.Claims;

/// <summary>
/// One generation of a run's claim, as its file (<c>claims/RUN/GENERATION.json</c>) holds it. Only its owner ever
/// rewrites it (heartbeats, then the release); a new owner writes the next generation instead.
/// </summary>
/// <param name="Run">The run's id.</param>
/// <param name="Generation">0 for the first claim of the run, one more for each claim after it.</param>
/// <param name="Token">Unique to this claim: tells its owner's own file from any other.</param>
/// <param name="Owner">The process holding it.</param>
/// <param name="ClaimedAt">When it was claimed (UTC, the owner's clock).</param>
/// <param name="HeartbeatAt">When the owner last showed it was alive (UTC, the owner's clock).</param>
/// <param name="State">Claimed, training or released.</param>
/// <param name="Outcome">How the owner's session ended, once released (a <see cref="RunOutcome"/> name, or <see cref="FailedOutcome"/>).</param>
/// <param name="Message">Why, when there is something to say.</param>
public sealed record ClaimRecord(string Run, int Generation, string Token, ClaimOwner Owner, DateTimeOffset ClaimedAt, DateTimeOffset HeartbeatAt,
    ClaimState State, string? Outcome = null, string? Message = null)
{
    /// <summary>The outcome of a session that stopped on an error.</summary>
    public const string FailedOutcome = "failed";
}
