namespace ScaleSim.Training.Sweeps.Claims;

/// <summary>Whether the current generation of a claim may be superseded, and why.</summary>
/// <param name="Takeable">True when it was released or its owner is gone.</param>
/// <param name="Stale">True when it was not released but its owner is gone (a takeover, not a hand-over).</param>
/// <param name="Reason">One line saying why.</param>
public sealed record ClaimJudgement(bool Takeable, bool Stale, string Reason);
