using ScaleSim.Tasks.Classification;
using ScaleSim.Tasks.Curves;

namespace ScaleSim.Tasks;

/// <summary>
/// The whole analysis of a task curve: fit the candidate forms over log scale, select one (AICc or BIC, or
/// extrapolation), classify it, and bootstrap the selected fit for intervals on its parameters, the emergence threshold
/// and the turning point. With scales held out, all of that runs on the others and the fit predicts the held-out ones.
/// It takes any <see cref="TaskCurve"/>, scores or losses, whatever table or evaluation it came from.
/// </summary>
public static class TaskCurveAnalysis
{
    /// <summary>Analyses one curve.</summary>
    public static TaskCurveResult Analyze(TaskCurve curve, TaskCurveOptions? options = null)
    {
        options ??= new TaskCurveOptions();
        if (options.Bootstrap < 0) throw InputException.About($"{InputName.Of("resamples")} must be non-negative, got {options.Bootstrap}");
        if (options.Holdout < 0) throw InputException.About($"{InputName.Of("holdout")} must be non-negative, got {options.Holdout}");
        string source = $"{curve.Source}: task '{curve.Task}', metric '{curve.Metric}'";
        var all = CurvePoints.FromTaskCurve(curve);
        var (data, held) = options.Holdout == 0 ? (all, []) : HoldOut(all, options.Holdout, source);

        var forms = CurveForms.For(options.Form, data);
        var selection = FormSelection.Select(data, forms, options.Selection, source);
        var fit = selection.Chosen.Fit;
        var classification = CurveClassifier.Classify(fit, selection.Overdispersion, options.Rules);
        var holdout = held.Count == 0 ? null : HoldoutReport.Of(
            held.Select(i => all.ToScale(all.X[i])).ToList(), held.Select(i => all.Y[i]).ToList(), held.Select(i => fit.Predict(all.X[i])).ToList());
        if (options.Bootstrap == 0) return new TaskCurveResult(curve, data, selection, classification, null, null, null, holdout);

        var bootstrap = CurveBootstrap.Run(fit, options.Bootstrap, options.Seed, options.Selection.Fit);
        int sign = data.Sign;
        var threshold = classification is { Class: CurveClass.Emergent, Threshold: { } t }
            ? ScaleInterval(bootstrap, "threshold", t, refit =>
                CurveClassifier.ThresholdOf(refit, (data.Floor ?? refit.Predict(data.XMin)) + sign * classification.Margin, options.Rules.ThresholdSearchDecades)
                    ?? double.PositiveInfinity)
            : null;
        var turning = classification is { Class: CurveClass.UShaped, TurningPoint: { } u }
            ? ScaleInterval(bootstrap, "turning_point", u, TurningPoint)
            : null;
        return new TaskCurveResult(curve, data, selection, classification, bootstrap, threshold, turning, holdout);
    }

    /// <summary>
    /// The log10 scale of a fit's worst point over the observed scales (its minimum for a score, its maximum for a loss):
    /// −∞ when it is at the smallest scale and +∞ at the largest (no interior turning point).
    /// </summary>
    public static double TurningPoint(CurveFit fit)
    {
        const int grid = 400;
        double x1 = fit.Data.XMin, xn = fit.Data.XMax;
        var xs = Enumerable.Range(0, grid + 1).Select(i => x1 + (xn - x1) * i / grid).ToArray();
        var f = fit.Predict(xs).Select(v => fit.Data.Sign * v).ToArray();
        int argMin = Array.IndexOf(f, f.Min());
        return argMin == 0 ? double.NegativeInfinity : argMin == grid ? double.PositiveInfinity : xs[argMin];
    }

    // The points of every scale but the `count` largest, rebuilt so that the origin and the weights are those of the
    // kept points alone, and the indices of the held-out points.
    private static (CurvePoints Kept, List<int> Held) HoldOut(CurvePoints all, int count, string source)
    {
        var groups = all.ScaleGroups();
        if (count >= groups.Count)
            throw InputException.About($"{source}: {InputName.Of("holdout")} {count} leaves none of its {groups.Count} scales to fit");
        var kept = groups.Take(groups.Count - count).SelectMany(g => g).ToList();
        var held = groups.Skip(groups.Count - count).SelectMany(g => g).ToList();
        var data = CurvePoints.Create(kept.Select(i => all.X[i]).ToArray(), kept.Select(i => all.Y[i]).ToArray(),
            all.Examples is { } n ? kept.Select(i => n[i]).ToArray() : null, all.Floor, all.LogScale, direction: all.Direction);
        return (data, held);
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
