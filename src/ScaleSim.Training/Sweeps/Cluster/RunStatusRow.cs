namespace ScaleSim.Training.Sweeps.Cluster;

/// <summary>One run of a sweep status.</summary>
/// <param name="Run">The run's id.</param>
/// <param name="Index">Its index in the plan (the task index of its worker).</param>
/// <param name="State">Where it stands.</param>
/// <param name="Step">Steps done, as its directory records them (the last checkpoint's, while training).</param>
/// <param name="TotalSteps">Steps in the run.</param>
/// <param name="Holder">Who holds or last held its claim.</param>
/// <param name="HeartbeatAgeSeconds">Seconds since the holder's last heartbeat, while held.</param>
/// <param name="QueueState">The scheduler's state of the task submitted for it or holding it, when the queue was asked.</param>
/// <param name="Note">Why, when there is something to say (a stale claim, an error).</param>
public sealed record RunStatusRow(string Run, int Index, SweepRunState State, long Step, long TotalSteps, string? Holder, double? HeartbeatAgeSeconds,
    string? QueueState, string? Note);
