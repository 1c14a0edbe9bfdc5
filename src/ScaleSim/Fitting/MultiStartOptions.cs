namespace ScaleSim.Fitting;

/// <summary>
/// How <see cref="MultiStartMinimizer"/> spends its local optimisations. The loss laws refine every start (Hoffmann et
/// al.'s grid, in parallel); the task curves rank many cheap candidate starts by their value and refine a few.
/// </summary>
/// <param name="Solver">The optimiser run from each refined start.</param>
/// <param name="PolishSolver">The tight optimiser run once more from the best refined start.</param>
public sealed record MultiStartOptions(LbfgsSolver Solver, LbfgsSolver PolishSolver)
{
    /// <summary>
    /// Null refines every start. A number K ranks the starts by their objective value (ties to the earlier start),
    /// drops those that are not finite, and refines only the best K (at least one); the best start then competes
    /// unrefined, so a refinement that ends worse than it is ignored.
    /// </summary>
    public int? RefinedStarts { get; init; }

    /// <summary>
    /// When the polish is kept: whether the result counts as converged if the start it polished had converged though
    /// the polish itself did not (the task curves' rule), rather than by the polish's own test alone (the loss laws').
    /// With <see cref="LbfgsSolver"/> the two rules agree, since it reports a finite objective only when it converged;
    /// each caller keeps its own rule in case a solver ever does.
    /// </summary>
    public bool PolishKeepsStartConvergence { get; init; }

    /// <summary>Threads across the refined starts (one by default); each thread gets its own objective.</summary>
    public ParallelOptions Parallel { get; init; } = new() { MaxDegreeOfParallelism = 1 };
}
