using ScaleSim.Analysis;
using ScaleSim.Laws;
using ScaleSim.Planning;
using ScaleSim.Plotting;

namespace ScaleSim.Experiments.Figures;

/// <summary>The figures of <c>scalesim analyze</c> (and of the simulate report).</summary>
public static class AnalysisFigures
{
    /// <summary>Writes every figure the result supports, each with the CSV of its data; returns (file, caption) pairs.</summary>
    /// <param name="directory">The figure directory.</param>
    /// <param name="r">The analysis.</param>
    /// <param name="curves">The kept runs' training curves, or null.</param>
    /// <param name="paramsLabel">The parameter axis label, naming the convention.</param>
    /// <param name="output">Formats and scale; null for PNG and SVG at scale 1.</param>
    public static IReadOnlyList<(string File, string Caption)> Write(string directory, ScalingAnalysisResult r, IReadOnlyList<TrainingCurve>? curves, string paramsLabel,
        FigureOutput? output = null)
    {
        var figures = new List<(string, string, Figure)>();
        if (curves is { Count: > 0 })
            figures.Add(("training-curves", "Training curves coloured by model size, with the Approach-1 envelope", TrainingCurves(curves, r.Approach1, paramsLabel)));
        if (r.Parabolas.Count > 0)
            figures.Add(("isoflop-parabolas", "IsoFLOP profiles: final loss against size per budget, with Approach 2's parabolas and their minima", IsoFlopParabolas(r, paramsLabel)));
        figures.Add(("optimal-params", "Compute-optimal N against C from the three approaches, beside Chinchilla's (0.5) and Kaplan's (0.73) slopes", Optimal(r, paramsLabel, tokens: false)));
        figures.Add(("optimal-tokens", "Compute-optimal D against C from the three approaches, beside Chinchilla's (0.5) and Kaplan's (0.27) slopes", Optimal(r, paramsLabel, tokens: true)));
        var planner = ComputePlanner.For(r.Approach3Fit.Law);
        var c = r.Runs.RequireFlops();
        var n = r.Runs.RequireParams();
        figures.Add(("loss-contours", "Loss contours of the Approach-3 fit with its efficient frontier and the runs",
            LossContourFigure.Create("Approach 3: fitted loss over compute and model size", planner, c, n, "runs", paramsLabel,
                c.Min() / 3, c.Max() * 3, n.Min() / 3, n.Max() * 3)));
        if (r.Backtest is { } backtest)
            figures.Add(("backtest", "Backtest: the law fitted without the largest budget, against that budget's runs", Backtest(r, backtest, paramsLabel)));
        foreach (var (file, _, figure) in figures) figure.Save(directory, file, output);
        return figures.Select(f => (f.Item1, f.Item2)).ToList();
    }

    private static Figure TrainingCurves(IReadOnlyList<TrainingCurve> curves, AllocationEstimate approach1, string paramsLabel)
    {
        var envelope = approach1.Points.Where((_, i) => i % 10 == 0).ToList();
        return new Figure("Training curves and their lower envelope")
            .WithXAxis("Compute C (FLOPs)", AxisScale.Log)
            .WithYAxis("Validation loss (nats/token)", AxisScale.Log)
            .AddSeriesFamily(curves.Select(c => c.Flops).ToList(), curves.Select(c => c.Loss).ToList(), curves.Select(c => c.Params).ToArray(), paramsLabel)
            .AddLine(envelope.Select(p => p.Flops).ToArray(), envelope.Select(p => p.Loss).ToArray(), "envelope (Approach 1)",
                new SeriesStyle { Color = FigurePalette.Vermillion, LineWidth = 3 });
    }

    private static Figure IsoFlopParabolas(ScalingAnalysisResult r, string paramsLabel)
    {
        var n = r.Runs.RequireParams();
        var figure = new Figure("IsoFLOP profiles with Approach 2's parabolas")
            .WithXAxis(paramsLabel, AxisScale.Log)
            .WithYAxis("Final loss (nats/token)");
        if (r.Parabolas.Count > ManyBudgets) return ManyParabolas(figure, r, n);
        for (int i = 0; i < r.Parabolas.Count; i++)
        {
            var p = r.Parabolas[i];
            var group = r.Groups.First(g => g.Flops == p.Flops);
            var color = FigurePalette.Series(i);
            figure.AddScatter(group.Rows.Select(row => n[row]).ToArray(), group.Rows.Select(row => r.Runs.Loss[row]).ToArray(),
                $"C = {p.Flops:0.0e+0}", new SeriesStyle { Color = color });
            var xs = Enumerable.Range(0, 40).Select(k => Math.Exp(p.MinLogParams + (p.MaxLogParams - p.MinLogParams) * k / 39.0)).ToArray();
            figure.AddLine(xs, xs.Select(p.LossAt).ToArray(), style: new SeriesStyle { Color = color });
            if (p.HasInteriorMinimum)
                figure.AddScatter([p.OptimalParams], [p.MinimumLoss], style: new SeriesStyle { Color = FigurePalette.Black, Marker = ScottPlot.MarkerShape.OpenDiamond, MarkerSize = 12 });
        }
        return figure;
    }

    /// <summary>Beyond this many budgets a legend entry each no longer fits: the budgets are keyed by a colour bar.</summary>
    private const int ManyBudgets = 8;

    /// <summary>A fine grid's profiles: the parabolas coloured by budget along a colour bar, the runs and vertices in black.</summary>
    private static Figure ManyParabolas(Figure figure, ScalingAnalysisResult r, double[] n)
    {
        var xs = r.Parabolas.Select(p => Enumerable.Range(0, 40).Select(k => Math.Exp(p.MinLogParams + (p.MaxLogParams - p.MinLogParams) * k / 39.0)).ToArray()).ToList();
        figure.AddSeriesFamily(xs, xs.Select((x, i) => x.Select(r.Parabolas[i].LossAt).ToArray()).ToList(), r.Parabolas.Select(p => p.Flops).ToArray(), "Budget C (FLOPs)");
        var rows = r.Parabolas.SelectMany(p => r.Groups.First(g => g.Flops == p.Flops).Rows).ToList();
        figure.AddScatter(rows.Select(row => n[row]).ToArray(), rows.Select(row => r.Runs.Loss[row]).ToArray(), "runs",
            new SeriesStyle { Color = FigurePalette.Grey, MarkerSize = 5 });
        var interior = r.Parabolas.Where(p => p.HasInteriorMinimum).ToList();
        if (interior.Count > 0)
            figure.AddScatter(interior.Select(p => p.OptimalParams).ToArray(), interior.Select(p => p.MinimumLoss).ToArray(), "vertices (Approach 2)",
                new SeriesStyle { Color = FigurePalette.Black, Marker = ScottPlot.MarkerShape.OpenDiamond, MarkerSize = 10 });
        return figure;
    }

    private static Figure Optimal(ScalingAnalysisResult r, string paramsLabel, bool tokens)
    {
        // Without budgets (every run at its own compute) the axis spans the runs' compute instead.
        var flops = r.Groups.Count > 0 ? r.Groups.Select(g => g.Flops) : r.Runs.RequireFlops();
        double cMin = flops.Min() / 2, cMax = flops.Max() * 2;
        var cs = Enumerable.Range(0, 30).Select(i => cMin * Math.Pow(cMax / cMin, i / 29.0)).ToArray();
        string what = tokens ? "D_opt" : "N_opt";
        var figure = new Figure($"Compute-optimal {(tokens ? "tokens" : "model size")} against compute")
            .WithXAxis("Compute C (FLOPs)", AxisScale.Log)
            .WithYAxis(tokens ? "Optimal tokens D_opt" : $"N_opt: {paramsLabel}", AxisScale.Log);
        var estimates = new[] { r.Approach1, r.Approach2, r.Approach3 }.Where(e => e is not null).Select(e => e!).ToList();
        for (int i = 0; i < estimates.Count; i++)
        {
            var e = estimates[i];
            var law = tokens ? e.TokensLaw : e.ParamsLaw;
            var color = FigurePalette.Series(i);
            figure.AddLine(cs, cs.Select(law.At).ToArray(), $"Approach {e.Approach}: {what} ∝ C^{law.Exponent:F2}", new SeriesStyle { Color = color });
            var points = e.Points.Count > 60 ? e.Points.Where((_, k) => k % (e.Points.Count / 40) == 0).ToList() : e.Points;
            if (points.Count > 0)
                figure.AddScatter(points.Select(p => p.Flops).ToArray(), points.Select(p => tokens ? p.Tokens : p.Params).ToArray(), style: new SeriesStyle { Color = color, MarkerSize = 5 });
        }
        // Published slopes drawn through the middle of Approach 3's line, so only the slopes are compared.
        double cMid = Math.Sqrt(cMin * cMax);
        double anchor = (tokens ? r.Approach3.TokensLaw : r.Approach3.ParamsLaw).At(cMid);
        foreach (var (label, slope, dash) in new[] { ("Chinchilla slope 0.50", 0.5, LineDash.Dashed), (tokens ? "Kaplan slope 0.27" : "Kaplan slope 0.73", tokens ? 0.27 : 0.73, LineDash.Dotted) })
            figure.AddLine(cs, cs.Select(c => anchor * Math.Pow(c / cMid, slope)).ToArray(), label, new SeriesStyle { Color = FigurePalette.Grey, Dash = dash });
        return figure;
    }

    private static Figure Backtest(ScalingAnalysisResult r, Backtest b, string paramsLabel)
    {
        var n = r.Runs.RequireParams();
        var group = r.Groups.First(g => Math.Abs(Math.Log(g.Flops / b.Flops)) < 1e-9);
        var planner = ComputePlanner.For(b.Law);
        var profile = planner.Profile(b.Flops, 0.2, 5, 60);
        return new Figure($"Backtest at C = {b.Flops:0.0e+0}: loss error {b.LossError:+0.0%;-0.0%}, N ratio {b.ParamsRatio:0.00}")
            .WithXAxis(paramsLabel, AxisScale.Log)
            .WithYAxis("Final loss (nats/token)")
            .AddScatter(group.Rows.Select(row => n[row]).ToArray(), group.Rows.Select(row => r.Runs.Loss[row]).ToArray(), "held-out runs")
            .AddLine(profile.Points.Select(p => p.Params).ToArray(), profile.Points.Select(p => p.Loss).ToArray(), "law fitted on smaller budgets",
                new SeriesStyle { Color = FigurePalette.Vermillion })
            .AddHighlight(b.PredictedParams, b.PredictedLoss, "predicted optimum", FigurePalette.Vermillion, LabelSide.UpperRight)
            .AddHighlight(b.ObservedParams, b.ObservedLoss, "observed optimum", FigurePalette.Green, LabelSide.LowerLeft);
    }
}
