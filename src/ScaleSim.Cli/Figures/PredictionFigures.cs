using ScaleSim.Plotting;
using ScaleSim.Tasks.Prediction;

namespace ScaleSim.Cli.Figures;

/// <summary>The two steps of a two-step forecast: task loss against compute, and score against task loss.</summary>
internal static class PredictionFigures
{
    public static IEnumerable<(string Name, Figure Figure)> All(TwoStepPrediction p)
    {
        yield return ("predict-loss", LossAgainstCompute(p));
        yield return ("predict-score", ScoreAgainstLoss(p));
    }

    private static Figure LossAgainstCompute(TwoStepPrediction p)
    {
        var flops = p.Curve.Scales;
        double lo = flops.Min() / 2, hi = Math.Max(flops.Max(), p.TargetFlops) * 2;
        var grid = Enumerable.Range(0, 120).Select(i => lo * Math.Pow(hi / lo, i / 119.0)).ToArray();
        var figure = new Figure($"Step 1: {p.Curve.Task} loss against training compute")
            .WithXAxis("Training compute C (FLOPs)", AxisScale.Log)
            .WithYAxis("Task loss (nats per token)")
            .AddLine(grid, grid.Select(p.LossLaw.Loss).ToArray(), $"fit: {p.LossLaw.E:0.###} + ({p.LossLaw.Scale:0.##e+0}/C)^{p.LossLaw.Exponent:0.###}", new SeriesStyle { Color = FigurePalette.Blue })
            .AddScatter(flops, p.Curve.Points.Select(x => x.Loss!.Value).ToArray(), "models fitted", new SeriesStyle { Color = FigurePalette.Black });
        figure.AddIntervals([p.TargetFlops], [p.Loss.Estimate], [p.Loss.Low], [p.Loss.High], "forecast (95% interval)", new SeriesStyle { Color = FigurePalette.Vermillion, Marker = ScottPlot.MarkerShape.FilledSquare });
        if (p.ObservedLoss is { } observed)
            figure.AddScatter([p.TargetFlops], [observed], "held out (observed)", new SeriesStyle { Color = FigurePalette.Green, Marker = ScottPlot.MarkerShape.FilledDiamond, MarkerSize = 10 });
        return figure;
    }

    private static Figure ScoreAgainstLoss(TwoStepPrediction p)
    {
        var losses = p.Curve.Points.Select(x => x.Loss!.Value).Append(p.Loss.Estimate).ToArray();
        double lo = losses.Min() - 0.1 * (losses.Max() - losses.Min()), hi = losses.Max() + 0.1 * (losses.Max() - losses.Min());
        var grid = Enumerable.Range(0, 120).Select(i => lo + (hi - lo) * i / 119.0).ToArray();
        string metric = ScaleSim.Experiments.Figures.TaskCurveFigures.Readable(p.Curve.Metric);
        // A score is a fraction: the axis stops just past 1, and the legend takes the lower left, which a score
        // falling with loss leaves empty.
        var figure = new Figure($"Step 2: {p.Curve.Task} {metric} against task loss")
            .WithXAxis("Task loss (nats per token)")
            .WithYAxis($"Score ({metric}, fraction)", min: 0, max: 1.03)
            .WithLegend(LegendPlacement.LowerLeft);
        if (p.Curve.Chance is { } chance) figure.AddHorizontalLine(chance, $"chance {ScaleSim.Experiments.Figures.TaskCurveFigures.Level(chance)}");
        figure.AddLine(grid, p.ScoreFit.Predict(grid), "sigmoid fit", new SeriesStyle { Color = FigurePalette.Blue })
            .AddScatter(p.Curve.Points.Select(x => x.Loss!.Value).ToArray(), p.Curve.Scores, "models fitted", new SeriesStyle { Color = FigurePalette.Black })
            .AddIntervals([p.Loss.Estimate], [p.Score.Estimate], [p.Score.Low], [p.Score.High],
                $"forecast at C = {ScaleSim.Experiments.Figures.AnalysisFigures.FlopsText(p.TargetFlops)} (95% interval)", new SeriesStyle { Color = FigurePalette.Vermillion, Marker = ScottPlot.MarkerShape.FilledSquare });
        if (p.ObservedScore is { } observed && p.ObservedLoss is { } loss)
            figure.AddScatter([loss], [observed], "held out (observed)", new SeriesStyle { Color = FigurePalette.Green, Marker = ScottPlot.MarkerShape.FilledDiamond, MarkerSize = 10 });
        return figure;
    }
}
