namespace ScaleSim.Training.Sweeps;

/// <summary>
/// Picks each run's batch so it takes at least <see cref="MinSteps"/> optimizer steps when it can: the pilot found that
/// step-starved runs (under about 1500 steps) never leave the order-1 plateau and turn the large-N side of an IsoFLOP
/// curve into a cliff. Runs that stay short even at the smallest batch are flagged, not hidden. A smaller batch needs a
/// smaller learning rate (<see cref="LearningRateScaling"/>).
/// </summary>
public sealed record BatchRule
{
    /// <summary>Largest batch in sequences.</summary>
    public int Max { get; init; } = 8;

    /// <summary>Smallest batch in sequences.</summary>
    public int Min { get; init; } = 2;

    /// <summary>Steps a run should take at least.</summary>
    public int MinSteps { get; init; } = 1500;

    /// <summary>How the learning rate follows the batch.</summary>
    public BatchLearningRateScaling LearningRateScaling { get; init; } = BatchLearningRateScaling.None;

    /// <summary>The factor on η = c / d_model of a run at <paramref name="batch"/>: √(B / B_max) (Malladi et al. 2022) or 1.</summary>
    public double LearningRateFactor(int batch) => LearningRateScaling == BatchLearningRateScaling.SquareRoot ? Math.Sqrt((double)batch / Max) : 1;

    /// <summary>The batch for a run of <paramref name="tokens"/> tokens at <paramref name="context"/>.</summary>
    public int For(double tokens, int context) =>
        Math.Clamp((int)Math.Floor(tokens / ((double)MinSteps * context)), Min, Max);

    /// <summary>Throws <see cref="InputException"/> on an impossible rule.</summary>
    public void Validate(string source)
    {
        if (Min <= 0 || Max < Min) throw new InputException($"{source}: batch.min and batch.max must satisfy 0 < min <= max, got {Min} and {Max}");
        if (MinSteps <= 0) throw new InputException($"{source}: batch.min_steps must be positive, got {MinSteps}");
    }
}
