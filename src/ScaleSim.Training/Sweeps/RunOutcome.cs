namespace ScaleSim.Training.Sweeps;

/// <summary>What a sweep did with one run.</summary>
public enum RunOutcome
{
    /// <summary>Already completed in an earlier session; skipped.</summary>
    AlreadyCompleted,

    /// <summary>Trained from scratch to completion now.</summary>
    Trained,

    /// <summary>Continued from an interrupted session's checkpoint to completion.</summary>
    Resumed,

    /// <summary>Its directory was corrupt or from another plan; deleted and retrained to completion.</summary>
    Retrained,

    /// <summary>Diverged (now or earlier); reported, not retried.</summary>
    Diverged,

    /// <summary>Stopped by cancellation; resumable.</summary>
    Interrupted,

    /// <summary>Another sweep process or cluster worker holds it (or took it over from this one).</summary>
    Busy,

    /// <summary>Not completed, and not trained by this invocation: left to the workers of the sweep.</summary>
    Pending,
}
