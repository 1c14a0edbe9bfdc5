namespace ScaleSim.Training.Sweeps;

/// <summary>The kinds of learning-rate schedule an experiment's runs use.</summary>
public enum ScheduleKind
{
    /// <summary>Warm-up, then cosine decay to 10% of the peak over exactly the run's tokens; a run per point.</summary>
    Cosine,

    /// <summary>Warm-up, the peak held, a cool-down over the last steps; branches from one stem per size and seed.</summary>
    WarmupStableDecay,
}
