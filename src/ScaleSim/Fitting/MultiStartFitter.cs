namespace ScaleSim.Fitting;

/// <summary>
/// Fits a law by minimising its Huber objective from every starting point (<see cref="MultiStartMinimizer"/>: all
/// starts refined in parallel, the lowest kept with ties to the earlier start, then polished), as Hoffmann et al.
/// (2022, App. D.2) did over their grid.
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
        var search = MultiStartMinimizer.Minimize(() => new HuberLogLoss(model, data, options.HuberDelta), starts, options.MultiStart)
            ?? throw new FitFailedException($"law {model.LawKind} on {source}", $"no start of {starts.Count} reached a finite objective");
        return Finish(model, data, options, search.Best, starts.Count, search.StartsConverged);
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
