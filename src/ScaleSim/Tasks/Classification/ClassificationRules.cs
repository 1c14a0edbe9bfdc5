namespace ScaleSim.Tasks.Classification;

/// <summary>
/// The numbers behind the classification (docs/methods.md, "Task curves"). The margin is
/// max(<see cref="RelativeMargin"/>·(1 − chance), <see cref="NoiseMultiple"/>·σ), σ the noise of one score at the
/// baseline (for a loss max(<see cref="RelativeLossMargin"/>·baseline, <see cref="NoiseMultiple"/>·σ)), unless
/// <see cref="Margin"/> fixes it.
/// </summary>
public sealed record ClassificationRules
{
    /// <summary>The margin as a fraction of the distance from chance to a perfect score.</summary>
    public double RelativeMargin { get; init; } = 0.1;

    /// <summary>
    /// For a loss, which has no perfect score to measure from, the margin as a fraction of the baseline loss (the chance
    /// loss, or the fitted loss of the smallest model).
    /// </summary>
    public double RelativeLossMargin { get; init; } = 0.05;

    /// <summary>The margin in standard errors of one score.</summary>
    public double NoiseMultiple { get; init; } = 2;

    /// <summary>A fixed margin in score units, overriding the two above.</summary>
    public double? Margin { get; init; }

    /// <summary>How many observed scales must lie below the threshold for a curve to count as emergent.</summary>
    public int PointsBeforeThreshold { get; init; } = 2;

    /// <summary>How far beyond the data (in decades) thresholds are searched for, so resampled thresholds can fall outside.</summary>
    public double ThresholdSearchDecades { get; init; } = 1;
}
