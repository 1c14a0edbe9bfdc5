namespace ScaleSim.Fitting;

/// <summary>
/// Fits a law by running the local optimiser from every starting point (in parallel, one objective per thread) and
/// keeping the lowest objective, as Hoffmann et al. (2022, App. D.2) did over their grid. The result is independent of
/// thread scheduling: ties go to the earlier start.
/// </summary>
public static class MultiStartFitter
{
    /// <summary>Fits <paramref name="model"/> to <paramref name="data"/>; <paramref name="source"/> names the data in errors.</summary>
    public static FitResult Fit(ILogLossModel model, FitData data, FitOptions? options = null, string source = "data")
    {
        options ??= new FitOptions();
        model.Validate(data, source);
        if (data.Count < model.ParameterCount)
            throw new InputException($"{source}: {data.Count} rows, but law {model.LawKind} has {model.ParameterCount} parameters to fit");

        var starts = options.Starts ?? model.DefaultStarts(data);
        if (starts.Count == 0) throw new ArgumentException("no starting points", nameof(options));
        var fits = new LocalFit[starts.Count];
        Parallel.For(0, starts.Count, options.Parallel,
            () => new HuberLogLoss(model, data, options.HuberDelta),
            (i, _, objective) =>
            {
                fits[i] = options.Solver.Minimize(objective, starts[i]);
                return objective;
            },
            _ => { });

        int best = 0;
        for (int i = 1; i < fits.Length; i++)
            if (fits[i].Objective < fits[best].Objective) best = i;
        if (!double.IsFinite(fits[best].Objective))
            throw new InputException($"{source}: law {model.LawKind} could not be fitted from any of {starts.Count} starts");

        var polished = options.PolishSolver.Minimize(new HuberLogLoss(model, data, options.HuberDelta), fits[best].Theta);
        var chosen = polished.Objective <= fits[best].Objective ? polished : fits[best];
        return Finish(model, data, options, chosen, starts.Count, fits.Count(f => f.Converged));
    }

    /// <summary>Refits from one start (used by the bootstrap, which starts each resample at the full-data optimum).</summary>
    public static LocalFit FitFrom(ILogLossModel model, FitData data, double[] start, FitOptions options) =>
        options.PolishSolver.Minimize(new HuberLogLoss(model, data, options.HuberDelta), start);

    private static FitResult Finish(ILogLossModel model, FitData data, FitOptions options, LocalFit best, int starts, int converged)
    {
        var objective = new HuberLogLoss(model, data, options.HuberDelta);
        var residuals = objective.Residuals(best.Theta);
        return new FitResult(model.ToLaw(best.Theta), model, best.Theta, best.Objective, best.Converged, data.Count,
            starts, converged, options.HuberDelta, FitQuality.Of(residuals), residuals);
    }
}
