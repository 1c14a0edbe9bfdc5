namespace ScaleSim.Fitting;

/// <summary>
/// Minimises an objective from many starting points, as Hoffmann et al. (2022, App. D.2) fitted over their grid:
/// refine the starts with L-BFGS, keep the lowest objective, and polish it with a tighter solver. The result is
/// independent of thread scheduling: every refined start is kept in its own slot, and ties go to the earlier start.
/// </summary>
public static class MultiStartMinimizer
{
    /// <summary>
    /// Searches from <paramref name="starts"/>; <paramref name="createObjective"/> makes one objective per thread
    /// (objectives hold scratch buffers). Returns null when no start reaches a finite objective.
    /// </summary>
    public static MultiStartResult? Minimize(Func<IObjective> createObjective, IReadOnlyList<double[]> starts, MultiStartOptions options)
    {
        LocalFit? best = null;
        var refined = starts;
        if (options.RefinedStarts is { } count)
        {
            var ranking = createObjective();
            var ranked = starts.Select(s => (Theta: s, Value: ranking.Value(s)))
                .Where(s => double.IsFinite(s.Value))
                .OrderBy(s => s.Value)
                .Take(Math.Max(count, 1))
                .ToList();
            if (ranked.Count == 0) return null;
            best = new LocalFit(ranked[0].Theta, ranked[0].Value, Converged: false, Iterations: 0);
            refined = ranked.Select(s => s.Theta).ToList();
        }

        var fits = new LocalFit[refined.Count];
        Parallel.For(0, refined.Count, options.Parallel, createObjective,
            (i, _, objective) =>
            {
                fits[i] = options.Solver.Minimize(objective, refined[i]);
                return objective;
            },
            _ => { });
        foreach (var fit in fits)
            if (best is null || fit.Objective < best.Objective) best = fit;
        if (best is null || !double.IsFinite(best.Objective)) return null;

        var polished = options.PolishSolver.Minimize(createObjective(), best.Theta);
        int converged = fits.Count(f => f.Converged);
        if (!(polished.Objective <= best.Objective)) return new MultiStartResult(best, converged);
        bool polishedConverged = polished.Converged || (options.PolishKeepsStartConvergence && best.Converged);
        return new MultiStartResult(polished with { Converged = polishedConverged }, converged);
    }
}
