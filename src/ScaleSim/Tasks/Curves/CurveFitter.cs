using ScaleSim.Fitting;

namespace ScaleSim.Tasks.Curves;

/// <summary>
/// Fits a curve form from many starts (<see cref="MultiStartMinimizer"/>): every candidate start of the form is ranked
/// by the objective, L-BFGS refines the best few, and the best result is polished. A start L-BFGS cannot finish keeps
/// its unrefined value, so a fit is never worse than the best grid point.
/// </summary>
public static class CurveFitter
{
    /// <summary>Fits <paramref name="form"/> to <paramref name="data"/>; <paramref name="extraStarts"/> join the form's own.</summary>
    public static CurveFit Fit(ICurveForm form, CurvePoints data, CurveFitOptions? options = null, IEnumerable<double[]>? extraStarts = null, string source = "data")
    {
        options ??= new CurveFitOptions();
        if (data.Count < form.ParameterCount)
            throw new InputException($"{source}: {data.Count} points, but form {form.Name} has {form.ParameterCount} parameters to fit");
        var starts = form.Starts(data).Concat(extraStarts ?? []).ToList();
        var search = MultiStartMinimizer.Minimize(() => new CurveLeastSquares(form, data), starts, options.MultiStart)
            ?? throw new FitFailedException($"form {form.Name} on {source}", $"no start of {starts.Count} reached a finite objective");
        return Finish(form, data, search.Best.Theta, search.Best.Objective, search.Best.Converged, starts.Count);
    }

    /// <summary>Refits from one start with the tight solver (bootstrap resamples start at the full-data optimum).</summary>
    public static CurveFit FitFrom(ICurveForm form, CurvePoints data, double[] start, CurveFitOptions options)
    {
        IObjective objective = new CurveLeastSquares(form, data);
        double startValue = objective.Value(start);
        var local = options.PolishSolver.Minimize(objective, start);
        return local.Objective <= startValue
            ? Finish(form, data, local.Theta, local.Objective, local.Converged, 1)
            : Finish(form, data, start, startValue, false, 1);
    }

    private static CurveFit Finish(ICurveForm form, CurvePoints data, double[] theta, double objective, bool converged, int starts)
    {
        var natural = form.Natural(theta, data);
        var parameters = form.ParameterNames.Select((name, k) => KeyValuePair.Create(name, natural[k])).ToList();
        return new CurveFit(form, theta, data, parameters, 2 * objective, converged, starts);
    }
}
