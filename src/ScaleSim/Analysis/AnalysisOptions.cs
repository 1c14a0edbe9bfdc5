using ScaleSim.Fitting;

namespace ScaleSim.Analysis;

/// <summary>How <see cref="ScalingAnalysis"/> runs.</summary>
public sealed record AnalysisOptions
{
    /// <summary>Bootstrap resamples for every approach's interval.</summary>
    public int Resamples { get; init; } = 200;

    /// <summary>Seed of the resamples.</summary>
    public int Seed { get; init; }

    /// <summary>Log-spaced compute values at which Approach 1 reads the envelope (Hoffmann et al. use 1500).</summary>
    public int EnvelopeSamples { get; init; } = 1500;

    /// <summary>Runs more than this many decades of compute apart belong to different IsoFLOP budgets.</summary>
    public double BudgetGapDecades { get; init; } = 0.1;

    /// <summary>Options of the parametric fits.</summary>
    public FitOptions Fit { get; init; } = new();

    /// <summary>The source's known irreducible loss, when the data are synthetic (reported beside the fitted E).</summary>
    public double? EntropyFloor { get; init; }
}
