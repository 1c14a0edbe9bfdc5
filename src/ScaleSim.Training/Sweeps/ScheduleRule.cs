using ScaleSim.Training.Optimization;

namespace ScaleSim.Training.Sweeps;

/// <summary>
/// The learning-rate schedule of an experiment's runs. Cosine: each run warms up and decays over exactly its own tokens
/// (Hoffmann et al. 2022, §3), a run per point. Warmup-stable-decay (Hägele et al. 2024): one run per size and seed at
/// the peak rate (its stem), and from the stem's checkpoints a short cool-down to each token count the grid needs (its
/// branches), each the same run as one trained from scratch with that schedule, at the cost of its cool-down.
/// </summary>
public sealed record ScheduleRule
{
    /// <summary>cosine or warmup_stable_decay.</summary>
    public ScheduleKind Kind { get; init; } = ScheduleKind.Cosine;

    /// <summary>Share of the steps spent warming up: of each run's own steps (cosine), or of the shortest branch of a stem.</summary>
    public double WarmupFraction { get; init; } = 0.05;

    /// <summary>Share of a branch's steps spent cooling down (warmup-stable-decay).</summary>
    public double DecayFraction { get; init; } = WarmupStableDecay.DefaultDecayFraction;

    /// <summary>How the cool-down falls (warmup-stable-decay).</summary>
    public DecayShape DecayShape { get; init; } = DecayShape.OneMinusSqrt;

    /// <summary>Whether runs branch from stems.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool Branches => Kind == ScheduleKind.WarmupStableDecay;

    /// <summary>Throws <see cref="InputException"/> on an impossible rule.</summary>
    public void Validate(string source)
    {
        if (!(WarmupFraction > 0 && WarmupFraction < 1)) throw new InputException($"{source}: schedule.warmup_fraction must be in (0, 1), got {WarmupFraction}");
        if (!(DecayFraction > 0 && DecayFraction < 1)) throw new InputException($"{source}: schedule.decay_fraction must be in (0, 1), got {DecayFraction}");
        if (Branches && WarmupFraction > 1 - DecayFraction) throw new InputException($"{source}: schedule.warmup_fraction {WarmupFraction} leaves no stable phase before a cool-down of {DecayFraction}");
    }
}
