using ScaleSim.Plotting;
using ScaleSim.Tasks;
using ScaleSim.Tasks.Classification;

namespace ScaleSim.Cli.Figures;

/// <summary>
/// The metric-artifact figure of a task trained and scored by ScaleSim itself: measured per-digit accuracy and exact
/// match against model size, with the exact match the per-digit accuracy predicts (p̄^L, and Π p_j from the
/// per-position accuracies) beside the measured one.
/// </summary>
internal static class TaskSweepFigures
{
    /// <summary>One task's curves; <paramref name="perDigit"/> and <paramref name="exactMatch"/> are the analysed measured curves (same models, same order).</summary>
    public static Figure Artifact(string task, int answerLength, IReadOnlyList<(double Params, double PerDigit, double ExactMatch, double PositionProduct)> models,
        TaskCurveResult perDigit, TaskCurveResult exactMatch)
    {
        var x = models.Select(m => m.Params).ToArray();
        var figure = new Figure($"{task}: one improvement, two metrics (measured)")
            .WithXAxis("Parameters N", AxisScale.Log)
            .WithYAxis("Score (fraction)", min: -0.03, max: 1.35)
            .WithSize(900, 600);
        figure.AddLineWithMarkers(x, models.Select(m => m.PerDigit).ToArray(), $"per-digit accuracy p: {Describe(perDigit)}",
            new SeriesStyle { Color = FigurePalette.Blue, MarkerSize = 7 });
        figure.AddLineWithMarkers(x, models.Select(m => m.ExactMatch).ToArray(), $"exact match: {Describe(exactMatch)}",
            new SeriesStyle { Color = FigurePalette.Vermillion, Marker = ScottPlot.MarkerShape.FilledSquare, MarkerSize = 7 });
        figure.AddLine(x, models.Select(m => Math.Pow(m.PerDigit, answerLength)).ToArray(), $"p^{answerLength}: every digit right with probability p, independently",
            new SeriesStyle { Color = FigurePalette.Vermillion, Dash = LineDash.Dashed });
        figure.AddLine(x, models.Select(m => m.PositionProduct).ToArray(), "product of the per-position accuracies",
            new SeriesStyle { Color = FigurePalette.Grey, Dash = LineDash.Dotted });
        return figure;
    }

    private static string Describe(TaskCurveResult r) =>
        r.Class.Name() + (r.Class == CurveClass.Emergent && r.Classification.Threshold is { } t ? $", threshold {t:0.#e+0}" : "")
        + (r.Class == CurveClass.UShaped && r.Classification.TurningPoint is { } u ? $", turning point {u:0.#e+0}" : "");
}
