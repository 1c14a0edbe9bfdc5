using ScaleSim.Fitting;
using ScaleSim.Runs;

namespace ScaleSim.Analysis;

/// <summary>Everything <see cref="ScalingAnalysis"/> finds on a set of runs.</summary>
/// <param name="Runs">The final-loss runs analysed.</param>
/// <param name="Groups">Their IsoFLOP budgets.</param>
/// <param name="Parabolas">Approach 2's parabola per budget.</param>
/// <param name="Approach1">Approach 1 (envelope).</param>
/// <param name="Approach1FromCurves">Whether Approach 1 saw training curves (otherwise only final points).</param>
/// <param name="Approach2">Approach 2 (IsoFLOP parabolas), or null when fewer than two budgets have an interior minimum.</param>
/// <param name="Approach3">Approach 3 (parametric law), as allocation power laws.</param>
/// <param name="Approach3Fit">The parametric fit itself.</param>
/// <param name="Approach3Bootstrap">Its bootstrap.</param>
/// <param name="KaplanJoint">Kaplan's L(N, D) (with E) on the same runs, or null if it failed.</param>
/// <param name="KaplanCompute">Kaplan's L(C) (with E) on the compute envelope, or null if it failed.</param>
/// <param name="EntropyFloor">The known irreducible loss, when given.</param>
/// <param name="Backtest">The held-out-budget forecast, or null with fewer than three budgets.</param>
/// <param name="Notes">What was left out and why.</param>
public sealed record ScalingAnalysisResult(
    RunTable Runs,
    IReadOnlyList<IsoFlopGroup> Groups,
    IReadOnlyList<IsoFlopParabola> Parabolas,
    AllocationEstimate Approach1,
    bool Approach1FromCurves,
    AllocationEstimate? Approach2,
    AllocationEstimate Approach3,
    FitResult Approach3Fit,
    BootstrapResult Approach3Bootstrap,
    FitResult? KaplanJoint,
    FitResult? KaplanCompute,
    double? EntropyFloor,
    Backtest? Backtest,
    IReadOnlyList<string> Notes)
{
    /// <summary>How the runs were grouped into budgets, and which fit none.</summary>
    public BudgetGrouping? Grouping { get; init; }

    /// <summary>The bias of Approach 2's parabolas on this grid, measured on the Approach-3 law.</summary>
    public Approach2Bias? Approach2Bias { get; init; }

    /// <summary>
    /// The runs' scatter in log loss about their IsoFLOP parabolas (pooled over profiles with more than three runs), or
    /// null when no profile has more than three.
    /// </summary>
    public double? Scatter { get; init; }

    /// <summary>Findings that put a result in doubt: a law that does not fit the runs, a biased grid.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>What the bootstrap resampled: seeds within each size (<see cref="SeedResampling"/>) or runs.</summary>
    public string Resampling { get; init; } = "";

    /// <summary>The seed noise of each budget, in budget order.</summary>
    public IReadOnlyList<SeedNoise> SeedNoise { get; init; } = [];
}
