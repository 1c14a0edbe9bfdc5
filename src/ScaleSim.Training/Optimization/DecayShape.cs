namespace ScaleSim.Training.Optimization;

/// <summary>How a warmup-stable-decay schedule's cool-down falls from the peak to its final rate.</summary>
public enum DecayShape
{
    /// <summary>η = peak·(1 − p) with p the share of the cool-down done.</summary>
    Linear,

    /// <summary>η = peak·(1 − √p): falls fast at first, then slowly (Hägele et al. 2024, §3: better than linear at the same length).</summary>
    OneMinusSqrt,
}
