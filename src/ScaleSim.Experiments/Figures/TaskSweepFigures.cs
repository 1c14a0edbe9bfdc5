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
        string mean = seeds ? " (line: mean over seeds)" : "";
        var figure = new Figure($"{task}: one improvement, two metrics (measured)")
            .WithXAxis("Parameters N", AxisScale.Log)
            .WithYAxis("Score (fraction)", min: -0.03, max: 1.35)
            .WithSize(900, 600);
        figure.AddLine(x, sizes.Select(s => s.PerDigit).ToArray(), $"per-digit accuracy p: {Describe(perDigit)}{mean}", new SeriesStyle { Color = FigurePalette.Blue });
        figure.AddScatter(runs.Select(r => r.Params).ToArray(), runs.Select(r => r.PerDigit).ToArray(), null,
            new SeriesStyle { Color = FigurePalette.Blue, MarkerSize = 7 });
        figure.AddLine(x, sizes.Select(s => s.ExactMatch).ToArray(), $"exact match: {Describe(exactMatch)}{mean}", new SeriesStyle { Color = FigurePalette.Vermillion });
        figure.AddScatter(runs.Select(r => r.Params).ToArray(), runs.Select(r => r.ExactMatch).ToArray(), null,
            new SeriesStyle { Color = FigurePalette.Vermillion, Marker = ScottPlot.MarkerShape.FilledSquare, MarkerSize = 7 });
        figure.AddLine(x, sizes.Select(s => s.Power).ToArray(), $"p^{answerLength}: every digit right with probability p, independently",
            new SeriesStyle { Color = FigurePalette.Vermillion, Dash = LineDash.Dashed });
        figure.AddLine(x, sizes.Select(s => s.Product).ToArray(), "product of the per-position accuracies",
            new SeriesStyle { Color = FigurePalette.Grey, Dash = LineDash.Dotted });
        return figure;
    }

    private static string Describe(TaskCurveResult r) =>
        r.Class.Name() + (r.Class == CurveClass.Emergent && r.Classification.Threshold is { } t ? $", threshold {t:0.#e+0}" : "")
        + (r.Class == CurveClass.UShaped && r.Classification.TurningPoint is { } u ? $", turning point {u:0.#e+0}" : "");
}
