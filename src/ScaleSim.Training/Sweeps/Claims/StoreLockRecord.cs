namespace ScaleSim.Training.Sweeps.Claims;

/// <summary>What a store lock file holds: whose it is and since when.</summary>
/// <param name="Token">Unique to this holding of the lock.</param>
/// <param name="Owner">The process holding it.</param>
/// <param name="AcquiredAt">When it was taken (UTC, the owner's clock).</param>
public sealed record StoreLockRecord(string Token, ClaimOwner Owner, DateTimeOffset AcquiredAt);
