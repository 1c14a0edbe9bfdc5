using ScaleSim.Laws;
using ScaleSim.Plotting;
using ScaleSim.Tasks.Artifacts;
using ScaleSim.Tasks.Classification;

namespace ScaleSim.Cli.Figures;

/// <summary>Exact match and partial credit from the same per-token accuracy, on one figure, linear and log.</summary>
internal static class ArtifactFigures
{
    public static IEnumerable<(string Name, Figure Figure)> All(MetricArtifactResult r, ScaleVariable kind)
    {
        yield return ("artifact-metrics", Metrics(r, kind));
        yield return ("artifact-log", LogExactMatch(r, kind));
    }

    /// <summary>Predicted curves as lines, sampled scores as points, each metric's class in its legend entry.</summary>
    public static Figure Metrics(MetricArtifactResult r, ScaleVariable kind)
    {
        var x = r.Points.Select(p => p.Scale).ToArray();
        var figure = new Figure($"One per-token improvement, two metrics (points: {r.Examples} sampled examples)")
            .WithXAxis(Tasks.TaskColumns.AxisLabel(kind), AxisScale.Log)
            .WithYAxis("Score (fraction)", min: -0.03, max: 1.03)
            .WithSize(900, 600)
            .WithLegend(LegendPlacement.UpperLeft); // rising curves leave it empty; no head room past 1
        Series(figure, x, r.Points.Select(p => p.PartialCredit).ToArray(), r.PartialCredit, "partial credit p", FigurePalette.Blue, MarkerShapeFor(0));
        for (int j = 0; j < r.Lengths.Count; j++)
            Series(figure, x, r.Points.Select(p => p.ExactMatch[j]).ToArray(), r.ExactMatch[j], $"exact match p{TickLabelFormat.Superscript(r.Lengths[j])}", FigurePalette.Series(j + 1), MarkerShapeFor(j + 1));
        return figure;
    }

    /// <summary>
    /// −ln of each predicted metric on log–log axes: −ln EM = L·(−ln p), so every exact-match curve is the per-token
    /// loss shifted up by ln L, as smooth as it (a straight line when the loss is a power law).
    /// </summary>
    public static Figure LogExactMatch(MetricArtifactResult r, ScaleVariable kind)
    {
        var x = r.Points.Select(p => p.Scale).ToArray();
        var figure = new Figure("−ln(exact match) = L · (per-token loss): no jump on log axes")
            .WithXAxis(Tasks.TaskColumns.AxisLabel(kind), AxisScale.Log)
            .WithYAxis("−ln(score) (nats)", AxisScale.Log);
        figure.AddLineWithMarkers(x, r.Points.Select(p => -Math.Log(p.PartialCredit)).ToArray(), "partial credit: −ln p, the per-token loss", new SeriesStyle { Color = FigurePalette.Blue });
        for (int j = 0; j < r.Lengths.Count; j++)
            figure.AddLineWithMarkers(x, r.Points.Select(p => -Math.Log(p.ExactMatch[j])).ToArray(), $"exact match: −ln p^{r.Lengths[j]} = {r.Lengths[j]}·(−ln p)",
                new SeriesStyle { Color = FigurePalette.Series(j + 1), Marker = MarkerShapeFor(j + 1) });
        return figure;
    }

    private static void Series(Figure figure, double[] x, double[] predicted, Tasks.TaskCurveResult sampled, string name, ScottPlot.Color color, ScottPlot.MarkerShape marker)
    {
        string cls = sampled.Class.Name() + (sampled.Class == CurveClass.Emergent && sampled.Classification.Threshold is { } t ? $", threshold {ScaleSim.Experiments.Figures.AnalysisFigures.FlopsText(t).Replace(" FLOPs", "", StringComparison.Ordinal)}" : "");
        figure.AddLine(x, predicted, $"{name}: {cls}", new SeriesStyle { Color = color });
        figure.AddScatter(sampled.Curve.Scales, sampled.Curve.Scores, null, new SeriesStyle { Color = color, Marker = marker, MarkerSize = 7 });
    }

    private static ScottPlot.MarkerShape MarkerShapeFor(int i) => (i % 4) switch
    {
        0 => ScottPlot.MarkerShape.FilledCircle,
        1 => ScottPlot.MarkerShape.FilledSquare,
        2 => ScottPlot.MarkerShape.FilledTriangleUp,
        _ => ScottPlot.MarkerShape.FilledDiamond,
    };
}
