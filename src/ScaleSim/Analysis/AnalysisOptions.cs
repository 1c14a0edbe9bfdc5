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

    /// <summary>
    /// Without budgets from a column, runs whose compute agrees within this fraction of a common budget form one
    /// IsoFLOP budget (<see cref="IsoFlopGroup.WithinTolerance"/>).
    /// </summary>
    public double BudgetTolerance { get; init; } = BudgetGrouping.DefaultTolerance;

    /// <summary>The column the given budgets came from, for the report (a sweep's runs.csv calls it <c>budget</c>).</summary>
    public string? BudgetColumn { get; init; }

    /// <summary>Budgets (FLOPs) at which every approach predicts the compute-optimal N and D, with intervals.</summary>
    public IReadOnlyList<double> PredictAt { get; init; } = [];

    /// <summary>Options of the parametric fits.</summary>
    public FitOptions Fit { get; init; } = new();

    /// <summary>The source's known irreducible loss, when the data are synthetic (reported beside the fitted E).</summary>
    public double? EntropyFloor { get; init; }

    /// <summary>Holds Approach 3's E (and the backtest's) at this value instead of fitting it; null fits E.</summary>
    public double? FixedIrreducibleLoss { get; init; }

    /// <summary>
    /// The backtest fits the budgets at least this many times below the largest one (within 5%) and predicts the largest;
    /// 1 fits every budget below it.
    /// </summary>
    public double BacktestExtrapolation { get; init; } = 1;
}
