using ScaleSim.Plotting;
using ScaleSim.Tasks;
using ScaleSim.Tasks.Classification;

namespace ScaleSim.Experiments.Figures;

/// <summary>
/// The metric-artifact figure of a task trained and scored by ScaleSim itself: measured per-digit accuracy and exact
/// match against model size (every run a marker, the mean over seeds a line), with the exact match the per-digit
/// accuracy predicts (p^L, and the product of the per-position accuracies) beside the measured one.
/// </summary>
internal static class TaskSweepFigures
{
    /// <summary>One task's curves; <paramref name="perDigit"/> and <paramref name="exactMatch"/> are the analysed measured curves.</summary>
    public static Figure Artifact(string task, int answerLength, IReadOnlyList<(double Params, double PerDigit, double ExactMatch, double PositionProduct)> runs,
        TaskCurveResult perDigit, TaskCurveResult exactMatch)
    {
        // Means over the seeds of each size, smallest size first.
        var sizes = runs.GroupBy(r => r.Params).OrderBy(g => g.Key).Select(g => (
            Params: g.Key,
            PerDigit: g.Average(r => r.PerDigit),
            ExactMatch: g.Average(r => r.ExactMatch),
            Power: g.Average(r => Math.Pow(r.PerDigit, answerLength)),
            Product: g.Average(r => r.PositionProduct))).ToList();
        var x = sizes.Select(s => s.Params).ToArray();
        bool seeds = sizes.Count < runs.Count;
        string mean = seeds ? ", mean over seeds" : "";
        // Scores are fractions: the axis stops just past 1. The legend takes a corner no run is in, else goes below the
        // plot: with seeds scattered, a run scoring 0 at the largest size would otherwise hide under a fixed corner.
        var figure = new Figure($"{task}: one improvement, two metrics (measured)")
            .WithXAxis("Parameters N", AxisScale.Log)
            .WithYAxis("Score (fraction of answers or digits right)", min: -0.03, max: 1.03)
            .WithSize(900, 600)
            .WithLegend(LegendPlacement.Automatic);
        // The seeds of a size are spread a little along N (±2% per seed), so equal scores do not hide each other.
        var spread = runs.GroupBy(r => r.Params).SelectMany(g => g.Select((r, k) => (Run: r, X: r.Params * Math.Pow(10, 0.01 * (k - (g.Count() - 1) / 2.0))))).ToList();
        figure.AddLine(x, sizes.Select(s => s.PerDigit).ToArray(), $"per-digit accuracy p ({Describe(perDigit)}{mean})", new SeriesStyle { Color = FigurePalette.Blue });
        figure.AddScatter(spread.Select(r => r.X).ToArray(), spread.Select(r => r.Run.PerDigit).ToArray(), seeds ? "one run (seed)" : null,
            new SeriesStyle { Color = FigurePalette.Blue.WithAlpha(0.7), MarkerSize = 6 });
        figure.AddLine(x, sizes.Select(s => s.ExactMatch).ToArray(), $"exact match ({Describe(exactMatch)}{mean})", new SeriesStyle { Color = FigurePalette.Vermillion });
        figure.AddScatter(spread.Select(r => r.X).ToArray(), spread.Select(r => r.Run.ExactMatch).ToArray(), null,
            new SeriesStyle { Color = FigurePalette.Vermillion.WithAlpha(0.7), Marker = ScottPlot.MarkerShape.FilledSquare, MarkerSize = 6 });
        // With one-digit answers the three curves coincide; the label says why rather than "all 1 digits".
        string power = answerLength == 1 ? "p¹: one-digit answers, so exact match is p itself" : $"p{TickLabelFormat.Superscript(answerLength)}: all {answerLength} digits right, independently";
        figure.AddLine(x, sizes.Select(s => s.Power).ToArray(), power,
            new SeriesStyle { Color = FigurePalette.Vermillion, Dash = LineDash.Dashed });
        figure.AddLine(x, sizes.Select(s => s.Product).ToArray(), "product of the per-position accuracies",
            new SeriesStyle { Color = FigurePalette.Grey, Dash = LineDash.Dotted });
        return figure;
    }

    private static string Describe(TaskCurveResult r) =>
        r.Class.Name() + (r.Class == CurveClass.Emergent && r.Classification.Threshold is { } t ? $", threshold {Short(t)}" : "")
        + (r.Class == CurveClass.UShaped && r.Classification.TurningPoint is { } u ? $", turning point {Short(u)}" : "");

    private static string Short(double value)
    {
        int exponent = (int)Math.Floor(Math.Log10(value));
        return TickLabelFormat.Scientific(Math.Round(value / Math.Pow(10, exponent), 1), exponent);
    }
}
