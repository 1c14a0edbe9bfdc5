using ScaleSim.Training.Sweeps.Claims;

namespace ScaleSim.Training.Sweeps.Cluster;

/// <summary>Who a worker is and how it keeps its claim.</summary>
public sealed record WorkerOptions
{
    /// <summary>The claim's owner: this process and its scheduler task, by default.</summary>
    public ClaimOwner Owner { get; init; } = ClaimOwner.Current();

    /// <summary>Heartbeats, stale time and the scheduler's queue.</summary>
    public ClaimOptions Claims { get; init; } = new();
}
