namespace ScaleSim.Training.Sweeps.Claims;

/// <summary>Whether a scheduler still has a task.</summary>
public enum JobPresence
{
    /// <summary>Pending, running, suspended or completing: its process may still be alive.</summary>
    Queued,

    /// <summary>Finished, cancelled, failed or forgotten: no process of it runs.</summary>
    Gone,

    /// <summary>The scheduler could not be asked.</summary>
    Unknown,
}
