namespace ScaleSim.Training.Sweeps.Claims;

/// <summary>Where a claim stands.</summary>
public enum ClaimState
{
    /// <summary>Claimed; the run is being inspected or its data source built.</summary>
    Claimed,

    /// <summary>The run is training.</summary>
    Training,

    /// <summary>Given up by its owner (the run completed, diverged, failed or was interrupted): anyone may claim it next.</summary>
    Released,
}
