using ScaleSim.Experiments.Grids;
using ScaleSim.Plotting;
using ScaleSim.Training.Sweeps;

namespace ScaleSim.Experiments.Figures;

/// <summary>The figures of a training grid: final loss against the learning-rate numerator, and branches against cosine runs.</summary>
internal static class TrainingGridFigures
{
    /// <summary>Final loss (mean over seeds) against c in η = c / d_model, a line per width and batch, for one schedule and token setting.</summary>
    public static Figure LearningRate(IReadOnlyList<LearningRateOptimum> optima, ScheduleKind schedule, string tokens)
    {
        var shown = optima.Where(o => o.Schedule == schedule && o.Tokens == tokens).ToList();
        var widths = shown.Select(o => o.Width).Distinct().Order().ToList();
        var batches = shown.Select(o => o.Batch).Distinct().Order().ToList();
        var dashes = new[] { LineDash.Solid, LineDash.Dashed, LineDash.Dotted };
        var figure = new Figure($"Learning rate η = c / d_model: {Name(schedule)}, {tokens}")
            .WithXAxis("Numerator c of η = c / d_model", AxisScale.Log)
            .WithYAxis("Final validation loss (nats/token)")
            .WithSize(900, 600);
        foreach (var o in shown)
        {
            var style = new SeriesStyle { Color = FigurePalette.Series(widths.IndexOf(o.Width)), Dash = dashes[batches.IndexOf(o.Batch) % dashes.Length] };
            figure.AddLineWithMarkers(o.Losses.Select(l => l.Numerator).ToArray(), o.Losses.Select(l => l.Loss).ToArray(), $"d_model {o.Width}, batch {o.Batch}", style);
        }
        return figure;
    }

    /// <summary>Each branch's final loss relative to its cosine twin against tokens per parameter, coloured by width, with the mean and its interval.</summary>
    public static Figure Schedules(ScheduleComparison comparison)
    {
        var widths = comparison.Pairs.Select(p => p.Width).Distinct().Order().ToList();
        var ratios = comparison.Pairs.Select(p => p.TokensPerParam).ToList();
        double lo = ratios.Min() / 1.5, hi = ratios.Max() * 1.5;
        var figure = new Figure("Warmup-stable-decay branch against a cosine run of the same tokens")
            .WithXAxis("Tokens per parameter", AxisScale.Log, lo, hi)
            .WithYAxis("Final loss, branch / cosine − 1 (%)")
            .WithSize(900, 600);
        foreach (int w in widths)
        {
            var mine = comparison.Pairs.Where(p => p.Width == w).ToList();
            // Widths side by side at each token ratio, so seeds of different widths do not hide each other.
            double shift = Math.Pow(1.06, widths.IndexOf(w) - (widths.Count - 1) / 2.0);
            figure.AddScatter(mine.Select(p => p.TokensPerParam * shift).ToArray(), mine.Select(p => 100 * p.Difference).ToArray(), $"d_model {w}",
                new SeriesStyle { Color = FigurePalette.Series(widths.IndexOf(w)), MarkerSize = 8 });
        }
        figure.AddBand([lo, hi], [100 * comparison.Interval.Low, 100 * comparison.Interval.Low], [100 * comparison.Interval.High, 100 * comparison.Interval.High], "95% interval of the mean", FigurePalette.Grey);
        figure.AddHorizontalLine(100 * comparison.Mean, $"mean over {comparison.Pairs.Count} pairs: {comparison.Mean:+0.00%;-0.00%;0.00%} [{comparison.Interval.Low:+0.00%;-0.00%;0.00%}, {comparison.Interval.High:+0.00%;-0.00%;0.00%}]", new SeriesStyle { Color = FigurePalette.Black });
        figure.AddHorizontalLine(0, null, new SeriesStyle { Color = FigurePalette.Grey, Dash = LineDash.Dotted });
        return figure;
    }

    /// <summary>The schedule's name in prose.</summary>
    public static string Name(ScheduleKind schedule) => schedule == ScheduleKind.Cosine ? "cosine" : "warmup-stable-decay";
}
