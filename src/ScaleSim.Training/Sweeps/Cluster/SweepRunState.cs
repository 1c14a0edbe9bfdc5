namespace ScaleSim.Training.Sweeps.Cluster;

/// <summary>Where one run of a sweep stands, as the store (and the scheduler's queue) tell it.</summary>
public enum SweepRunState
{
    /// <summary>Not completed and not held: waiting for a worker (queued or not, fresh or resumable).</summary>
    Pending,

    /// <summary>Held by a live claim whose owner has not started training yet.</summary>
    Claimed,

    /// <summary>Held by a live claim and training.</summary>
    Running,

    /// <summary>Trained to the end.</summary>
    Completed,

    /// <summary>Diverged; reported, not retried.</summary>
    Diverged,

    /// <summary>Not completed, and the last worker to hold it stopped on an error; the next worker tries again.</summary>
    Failed,
}
