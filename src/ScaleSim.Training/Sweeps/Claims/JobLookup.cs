namespace ScaleSim.Training.Sweeps.Claims;

/// <summary>What a scheduler said about one task.</summary>
/// <param name="Presence">Whether it is still queued.</param>
/// <param name="State">The scheduler's own word for its state (<c>RUNNING</c>, <c>PENDING</c>), when queued.</param>
public sealed record JobLookup(JobPresence Presence, string? State = null);
