namespace ScaleSim.Training.Sweeps.Claims;

/// <summary>What trying to claim a run came to.</summary>
/// <param name="Claim">The claim, when it was won.</param>
/// <param name="Holder">The live claim that kept it, when it was not (null if its file was still being written).</param>
/// <param name="Note">Whose claim was taken over and why, or who holds the run.</param>
public sealed record ClaimAttempt(RunClaim? Claim, ClaimRecord? Holder, string? Note);
