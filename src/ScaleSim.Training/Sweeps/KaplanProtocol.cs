namespace ScaleSim.Training.Sweeps;

/// <summary>
/// What a ladder's first steps keep of Kaplan et al.'s (2020) protocol: one learning rate and one batch for every size,
/// and a warm-up of a fixed number of steps (theirs was 3000 steps, long beside the short readings of their small models).
/// </summary>
public sealed record KaplanProtocol
{
    /// <summary>The one peak learning rate of every size (steps 1–4 of the ladder).</summary>
    public double LearningRate { get; init; } = 0.0078125;

    /// <summary>The one batch of every size, in sequences (steps 1–4).</summary>
    public int Batch { get; init; } = 8;

    /// <summary>The fixed warm-up of the long runs, in optimizer steps (steps 1–2).</summary>
    public long WarmupSteps { get; init; } = 1000;

    /// <summary>Throws <see cref="InputException"/> on an impossible protocol.</summary>
    public void Validate(string source)
    {
        if (!(LearningRate > 0) || !double.IsFinite(LearningRate)) throw new InputException($"{source}: kaplan_protocol.learning_rate must be positive, got {LearningRate}");
        if (Batch <= 0) throw new InputException($"{source}: kaplan_protocol.batch must be positive, got {Batch}");
        if (WarmupSteps <= 0) throw new InputException($"{source}: kaplan_protocol.warmup_steps must be positive, got {WarmupSteps}");
    }
}
