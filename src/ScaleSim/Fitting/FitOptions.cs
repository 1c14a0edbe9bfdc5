namespace ScaleSim.Fitting;

/// <summary>How a law is fitted.</summary>
public sealed record FitOptions
{
    /// <summary>Huber threshold δ on log-loss residuals (Hoffmann et al. 2022 use 1e-3).</summary>
    public double HuberDelta { get; init; } = 1e-3;

    /// <summary>Starting points in fit space; null uses the model's default grid.</summary>
    public IReadOnlyList<double[]>? Starts { get; init; }

    /// <summary>
    /// The local optimiser run from every start. Its tolerances are close to SciPy's L-BFGS-B defaults, which Epoch AI
    /// used: enough to rank thousands of starts; the best one is then polished by <see cref="PolishSolver"/>.
    /// </summary>
    public LbfgsSolver Solver { get; init; } = new() { GradientTolerance = 1e-6, ParameterTolerance = 1e-8 };

    /// <summary>The tight optimiser that polishes the best start and refits every bootstrap resample.</summary>
    public LbfgsSolver PolishSolver { get; init; } = new() { GradientTolerance = 1e-10, ParameterTolerance = 1e-12 };

    /// <summary>Threads used across starts and resamples; null uses every core.</summary>
    public int? MaxDegreeOfParallelism { get; init; }

    /// <summary>Every start refined in parallel; a kept polish converged by its own test alone.</summary>
    internal MultiStartOptions MultiStart => new(Solver, PolishSolver) { Parallel = Parallel };

    internal ParallelOptions Parallel => new() { MaxDegreeOfParallelism = MaxDegreeOfParallelism ?? Environment.ProcessorCount };
}
