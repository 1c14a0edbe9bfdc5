using ScaleSim.Fitting;

namespace ScaleSim.Tasks.Curves;

/// <summary>How a curve form is fitted.</summary>
public sealed record CurveFitOptions
{
    /// <summary>How many of the best-ranked starting points L-BFGS refines.</summary>
    public int RefinedStarts { get; init; } = 4;

    /// <summary>
    /// The optimiser run from each refined start. Forms whose best fit lies on a boundary (a BNSL term or a U arm
    /// vanishing) creep towards it for hundreds of iterations at negligible gain, so the iterations are capped.
    /// </summary>
    public LbfgsSolver Solver { get; init; } = new() { GradientTolerance = 1e-6, ParameterTolerance = 1e-8, FunctionProgressTolerance = 1e-10, MaxIterations = 150 };

    /// <summary>The tight optimiser that polishes the best start and refits bootstrap resamples.</summary>
    public LbfgsSolver PolishSolver { get; init; } = new() { GradientTolerance = 1e-9, ParameterTolerance = 1e-11, FunctionProgressTolerance = 1e-12, MaxIterations = 400 };

    /// <summary>Threads used across bootstrap resamples; null uses every core.</summary>
    public int? MaxDegreeOfParallelism { get; init; }

    /// <summary>
    /// The best <see cref="RefinedStarts"/> of the ranked starts refined one after another (a handful, too few to pay
    /// for threads); a kept polish counts as converged when either it or the start it polished converged.
    /// </summary>
    internal MultiStartOptions MultiStart => new(Solver, PolishSolver) { RefinedStarts = RefinedStarts, PolishKeepsStartConvergence = true };

    internal ParallelOptions Parallel => new() { MaxDegreeOfParallelism = MaxDegreeOfParallelism ?? Environment.ProcessorCount };
}
