namespace ScaleSim.Training.Sweeps.Claims;

/// <summary>How claims are kept alive and when one counts as abandoned.</summary>
public sealed record ClaimOptions
{
    /// <summary>How often an owner rewrites its claim's heartbeat and checks that the claim is still its own.</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A claim whose heartbeat is older than this is abandoned and may be taken over. It must exceed the heartbeat
    /// interval by more than the clock skew between hosts and a shared file system's attribute caching (about a minute
    /// on NFS); the default leaves ten heartbeats of margin.
    /// </summary>
    public TimeSpan StaleAfter { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The scheduler's queue, asked whether an owner's task is still there (null: heartbeats and processes only).</summary>
    public IJobQueue? Queue { get; init; }

    /// <summary>Throws <see cref="InputException"/> when the stale time does not exceed two heartbeats.</summary>
    public void Validate()
    {
        if (HeartbeatInterval <= TimeSpan.Zero)
            throw InputException.About($"{InputName.Of("heartbeat_interval")} must be positive, got {HeartbeatInterval.TotalSeconds} s");
        if (StaleAfter <= 2 * HeartbeatInterval)
            throw InputException.About($"{InputName.Of("stale_after")} ({StaleAfter.TotalSeconds} s) must exceed two heartbeat intervals ({2 * HeartbeatInterval.TotalSeconds} s)");
    }
}
