using ScaleSim.Tasks.Classification;
using ScaleSim.Tasks.Curves;

namespace ScaleSim.Tasks;

/// <summary>
/// The whole analysis of a task curve: fit the candidate forms over log scale, select one (AICc or extrapolation),
/// classify it, and bootstrap the selected fit for intervals on its parameters, the emergence threshold and the
/// turning point. It takes any <see cref="TaskCurve"/>, whatever table or evaluation it came from.
/// </summary>
public static class TaskCurveAnalysis
{
    /// <summary>Analyses one curve.</summary>
    public static TaskCurveResult Analyze(TaskCurve curve, TaskCurveOptions? options = null)
    {
        options ??= new TaskCurveOptions();
        var data = CurvePoints.FromTaskCurve(curve);
        string source = $"{curve.Source}: task '{curve.Task}', metric '{curve.Metric}'";
        var forms = CurveForms.For(options.Form, data);
        var selection = FormSelection.Select(data, forms, options.Selection, source);
        var fit = selection.Chosen.Fit;
        var classification = CurveClassifier.Classify(fit, selection.Overdispersion, options.Rules);
        if (options.Bootstrap < 0) throw InputException.About($"{InputName.Of("resamples")} must be non-negative, got {options.Bootstrap}");
        if (options.Bootstrap == 0) return new TaskCurveResult(curve, data, selection, classification, null, null, null);

        var bootstrap = CurveBootstrap.Run(fit, options.Bootstrap, options.Seed, options.Selection.Fit);
        var threshold = classification is { Class: CurveClass.Emergent, Threshold: { } t }
            ? ScaleInterval(bootstrap, "threshold", t, refit =>
                CurveClassifier.ThresholdOf(refit, (data.Floor ?? refit.Predict(data.XMin)) + classification.Margin, options.Rules.ThresholdSearchDecades)
                    ?? double.PositiveInfinity)
            : null;
        var turning = classification is { Class: CurveClass.UShaped, TurningPoint: { } u }
            ? ScaleInterval(bootstrap, "turning_point", u, TurningPoint)
            : null;
        return new TaskCurveResult(curve, data, selection, classification, bootstrap, threshold, turning);
    }

    /// <summary>
    /// The log10 scale of a fit's minimum over the observed scales: −∞ when the minimum is at the smallest scale and +∞
    /// at the largest (no interior minimum).
    /// </summary>
    public static double TurningPoint(CurveFit fit)
    {
        const int grid = 400;
        double x1 = fit.Data.XMin, xn = fit.Data.XMax;
        var xs = Enumerable.Range(0, grid + 1).Select(i => x1 + (xn - x1) * i / grid).ToArray();
        var f = fit.Predict(xs);
        int argMin = Array.IndexOf(f, f.Min());
        return argMin == 0 ? double.NegativeInfinity : argMin == grid ? double.PositiveInfinity : xs[argMin];
    }

    // Percentiles of log10 positions, reported as scales (the standard error stays in decades); an infinite bound
    // (a resample without the quantity in range) stays infinite.
    private static Fitting.ParameterInterval ScaleInterval(CurveBootstrapResult bootstrap, string name, double estimate, Func<CurveFit, double> position)
    {
        var interval = bootstrap.Interval(name, Math.Log10(estimate), position);
        return interval with { Estimate = estimate, Low = ToScale(interval.Low), High = ToScale(interval.High) };

        static double ToScale(double log10) => double.IsFinite(log10) ? Math.Pow(10, log10) : log10;
    }
}
