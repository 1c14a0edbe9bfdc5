using ScaleSim.Fitting;
using ScaleSim.Plotting;
using ScaleSim.Tasks;
using ScaleSim.Tasks.Classification;
using ScaleSim.Tasks.Curves;

namespace ScaleSim.Experiments.Figures;

/// <summary>The figure of one analysed task curve: scores with binomial intervals, the selected fit and its band, chance, threshold or turning point.</summary>
public static class TaskCurveFigures
{
    /// <summary>A file name for a curve: task and metric, lower case, dashes for anything else.</summary>
    public static string FileName(TaskCurve curve) => Slug($"{curve.Task}-{curve.Metric}");

    /// <summary>The figure of one analysed curve (a score or a loss; with scales held out, those drawn apart).</summary>
    public static Figure Curve(TaskCurveResult r)
    {
        var c = r.Classification;
        bool loss = r.Curve.IsLoss;
        int sign = loss ? -1 : 1;
        // The whole curve's scales, held-out ones included, so the fit is drawn out to the scales it predicts.
        var allX = r.Curve.Scales.Select(Math.Log10).ToArray();
        double xMin = allX.Min(), xMax = allX.Max();
        double lo = xMin - 0.05 * (xMax - xMin), hi = xMax + 0.05 * (xMax - xMin);
        var grid = Enumerable.Range(0, 201).Select(i => lo + (hi - lo) * i / 200).ToArray();
        var scales = grid.Select(x => Math.Pow(10, x)).ToArray();
        // Head room above the data, so the legend finds an empty corner instead of squeezing the plot from outside.
        var intervals = Intervals(r.Curve);
        var levels = (intervals?.Select(v => v.Low).Concat(intervals.Select(v => v.High)) ?? r.Curve.Scores)
            .Concat(r.Fit.Predict(grid).Where(double.IsFinite)).Append(c.Baseline + sign * c.Margin).Append(r.Curve.Chance ?? r.Curve.Scores.Min())
            // A score is a fraction: a fit or interval reaching past 1 must not stretch the axis past it.
            .Select(v => loss ? v : Math.Min(v, 1)).ToArray();
        double bottom = levels.Min(), top = levels.Max(), span = Math.Max(top - bottom, loss ? 0.05 * top : 0.15);
        double yMax = loss ? top + 0.6 * span : Math.Min(top + 0.6 * span, Math.Max(1.02, top + 0.05));
        string metric = Readable(r.Curve.Metric);
        double yMin = loss ? Math.Max(0, bottom - 0.08 * span) : bottom - 0.08 * span;
        var figure = new Figure($"{r.Curve.Task} ({metric}): {c.Class.Name()}, {r.Fit.Form.Name} fit")
            .WithXAxis(Tasks.TaskColumns.AxisLabel(r.Curve.ScaleKind), AxisScale.Log)
            .WithYAxis(loss ? $"Loss ({metric}, lower is better)" : $"Score ({metric}, fraction)", min: yMin, max: yMax);

        if (r.Curve.Chance is { } chance)
        {
            figure.AddHorizontalLine(chance, $"chance {Level(chance)}");
            figure.AddHorizontalLine(c.Baseline + sign * c.Margin, $"chance {(loss ? "−" : "+")} margin {Level(c.Margin)}", new SeriesStyle { Color = FigurePalette.Grey, Dash = LineDash.Dotted });
        }
        if (r.Bootstrap is { } b)
        {
            var predictions = b.Refits.Select(f => f.Predict(grid)).ToArray();
            var lower = grid.Select((_, i) => BandEdge(predictions.Select(p => p[i]), Percentiles.Lower95)).ToArray();
            var upper = grid.Select((_, i) => BandEdge(predictions.Select(p => p[i]), Percentiles.Upper95)).ToArray();
            figure.AddBand(scales, lower, upper, $"95% bootstrap band ({b.Resamples} resamples)");
        }
        figure.AddLine(scales, r.Fit.Predict(grid), $"{r.Fit.Form.Name} fit", new SeriesStyle { Color = FigurePalette.Blue });

        // Held-out points are those at scales beyond the fitted ones.
        var fitted = Enumerable.Range(0, r.Curve.Count).Where(i => allX[i] <= r.Data.XMax).ToArray();
        var x = fitted.Select(i => r.Curve.Scales[i]).ToArray();
        var y = fitted.Select(i => r.Curve.Scores[i]).ToArray();
        string what = loss ? "losses" : "scores";
        if (intervals is not null)
            figure.AddIntervals(x, y, fitted.Select(i => intervals[i].Low).ToArray(), fitted.Select(i => intervals[i].High).ToArray(),
                $"{what} (95% Wilson interval)", new SeriesStyle { Color = FigurePalette.Black, MarkerSize = 6 });
        else figure.AddScatter(x, y, what, new SeriesStyle { Color = FigurePalette.Black, MarkerSize = 6 });
        if (r.Holdout is { } h)
            figure.AddScatter(h.Scales.ToArray(), h.Observed.ToArray(), $"held out, not fitted (RMSLE {h.Rmsle:0.###})", new SeriesStyle { Color = FigurePalette.Vermillion, MarkerSize = 8 });

        if (c.Class == CurveClass.Emergent && c.Threshold is { } threshold)
        {
            string interval = r.ThresholdInterval is { } ti ? $" [{Bound(ti.Low)}, {Bound(ti.High)}]" : "";
            figure.AddVerticalLine(threshold, $"threshold {Short(threshold)}{interval}", new SeriesStyle { Color = FigurePalette.Vermillion, Dash = LineDash.Dashed });
            // Named on the plot too, left of its line at mid-height: an emergent curve is still low there, and the
            // legend keeps to a corner.
            figure.AddPointLabel(threshold, yMin + 0.45 * (yMax - yMin), $"threshold {Short(threshold)}", left: true);
        }
        if (c.Class == CurveClass.UShaped && c.TurningPoint is { } turning)
            figure.AddHighlight(turning, r.Fit.Predict(Math.Log10(turning)), $"turning point {Short(turning)}", FigurePalette.Vermillion, LabelSide.LowerRight);
        return figure;

        static string Bound(double v) => double.IsFinite(v) ? Short(v) : "beyond";
    }

    /// <summary>A metric's identifier as words: "exact_match" reads "exact match".</summary>
    public static string Readable(string metric) => metric.Replace('_', ' ').Replace('-', ' ');

    /// <summary>A chance level or margin as a label writes it: 0.5, 0.25, 0.00391 (not "0" for 1/256).</summary>
    public static string Level(double value) => value.ToString("G3", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Three significant digits, as "1.65×10⁴".</summary>
    private static string Short(double value)
    {
        if (!(value > 0)) return value.ToString("G3", System.Globalization.CultureInfo.InvariantCulture);
        int exponent = (int)Math.Floor(Math.Log10(value));
        if (exponent is >= -2 and <= 3) return value.ToString("G3", System.Globalization.CultureInfo.InvariantCulture);
        return TickLabelFormat.Scientific(value / Math.Pow(10, exponent), exponent, 2);
    }

    // Each score's 95% interval from its own number of examples; null for a loss, when the examples are unknown, or
    // when a score is not a fraction (a table in percent), which has no binomial interval.
    private static ScoreInterval[]? Intervals(TaskCurve curve) =>
        curve.Examples is { } n && !curve.IsLoss && curve.Scores.All(p => p is >= 0 and <= 1)
            ? curve.Scores.Select((p, i) => ScoreInterval.Wilson(p, n[i])).ToArray()
            : null;

    // Resamples whose curve is not finite at an x are left out there (NaN where none is finite).
    private static double BandEdge(IEnumerable<double> values, double p) =>
        Percentiles.Interpolated(values.Where(double.IsFinite).Order().ToArray(), p);

    private static string Slug(string text) =>
        string.Concat(text.ToLowerInvariant().Select(ch => char.IsAsciiLetterOrDigit(ch) ? ch : '-')).Trim('-');
}
