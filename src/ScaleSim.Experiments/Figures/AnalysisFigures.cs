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
        var figures = Create(r, curves, paramsLabel);
        foreach (var (file, _, figure) in figures) figure.Save(directory, file, output);
        return figures.Select(f => (f.File, f.Caption)).ToList();
    }

    /// <summary>Every figure the result supports, with its file name and caption, in report order (nothing written).</summary>
    public static IReadOnlyList<(string File, string Caption, Figure Figure)> Create(ScalingAnalysisResult r, IReadOnlyList<TrainingCurve>? curves, string paramsLabel)
    {
        var figures = new List<(string, string, Figure)>();
        if (curves is { Count: > 0 })
            figures.Add(("training-curves", "Training curves coloured by model size, with the Approach-1 envelope. Each budget's runs " +
                "end where their learning-rate schedules end (dotted lines); past that only runs with longer, not yet decayed, schedules remain, so the envelope " +
                "steps up there. The steps are real, not a bug: the envelope of partial curves overstates the loss reachable at C (Hoffmann et al. 2022 §3.1)",
                TrainingCurves(curves, r.Approach1, r.Groups.Select(g => g.Flops).ToArray(), paramsLabel)));
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
        return figures;
    }

    private static Figure TrainingCurves(IReadOnlyList<TrainingCurve> curves, AllocationEstimate approach1, double[] budgets, string paramsLabel)
    {
        var envelope = approach1.Points.Where((_, i) => i % 10 == 0).ToList();
        var figure = new Figure("Training curves and their lower envelope")
            .WithXAxis("Compute C (FLOPs)", AxisScale.Log)
            .WithYAxis("Validation loss (nats/token)", AxisScale.Log)
            .AddSeriesFamily(curves.Select(c => c.Flops).ToList(), curves.Select(c => c.Loss).ToList(), curves.Select(c => c.Params).ToArray(), paramsLabel);
        // Where a budget's runs end: the envelope's steps sit on these lines (see the caption).
        var ends = budgets.Distinct().Order().ToArray();
        for (int i = 0; i < ends.Length; i++)
            figure.AddVerticalLine(ends[i], i == 0 ? "a budget's schedules end" : null, new SeriesStyle { Color = FigurePalette.Grey, Dash = LineDash.Dotted, LineWidth = 1.5f });
        return figure.AddLine(envelope.Select(p => p.Flops).ToArray(), envelope.Select(p => p.Loss).ToArray(), "lower envelope (Approach 1), stepping where a budget ends",
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
                $"runs at C = {FlopsText(p.Flops)}", new SeriesStyle { Color = color });
            var xs = Enumerable.Range(0, 40).Select(k => Math.Exp(p.MinLogParams + (p.MaxLogParams - p.MinLogParams) * k / 39.0)).ToArray();
            figure.AddLine(xs, xs.Select(p.LossAt).ToArray(), style: new SeriesStyle { Color = color });
        }
        var minima = r.Parabolas.Where(p => p.HasInteriorMinimum).ToList();
        figure.AddLegendKey("parabola in log N (one per budget)", new SeriesStyle { Color = FigurePalette.Grey });
        if (minima.Count > 0)
            figure.AddScatter(minima.Select(p => p.OptimalParams).ToArray(), minima.Select(p => p.MinimumLoss).ToArray(), "parabola minimum: N_opt(C)",
                new SeriesStyle { Color = FigurePalette.Black, Marker = ScottPlot.MarkerShape.OpenDiamond, MarkerSize = 12 });
        return figure;
    }

    /// <summary>A compute budget with its unit, as "3×10¹¹ FLOPs" (for titles and legends).</summary>
    public static string FlopsText(double flops)
    {
        int exponent = (int)Math.Floor(Math.Log10(flops));
        double mantissa = flops / Math.Pow(10, exponent);
        string power = TickLabelFormat.PowerOfTen(exponent);
        return Math.Abs(mantissa - 1) < 0.005 ? $"{power} FLOPs"
            : $"{mantissa.ToString(Math.Abs(mantissa - Math.Round(mantissa)) < 0.005 ? "0" : "0.0#", System.Globalization.CultureInfo.InvariantCulture)}×{power} FLOPs";
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
        double cMin = flops.Min(), cMax = flops.Max();
        // The fitted laws are drawn over the budgets they were fitted on, not beyond.
        var cs = Enumerable.Range(0, 30).Select(i => cMin * Math.Pow(cMax / cMin, i / 29.0)).ToArray();
        var figure = new Figure($"Compute-optimal {(tokens ? "tokens" : "model size")} against compute")
            .WithXAxis("Compute C (FLOPs)", AxisScale.Log)
            .WithYAxis(tokens ? "Optimal tokens D_opt" : $"N_opt: {paramsLabel}", AxisScale.Log);
        var estimates = new[] { r.Approach1, r.Approach2, r.Approach3 }.Where(e => e is not null).Select(e => e!).ToList();
        for (int i = 0; i < estimates.Count; i++)
        {
            var e = estimates[i];
            var law = tokens ? e.TokensLaw : e.ParamsLaw;
            var color = FigurePalette.Series(i);
            var style = new SeriesStyle { Color = color, LineWidth = e.Approach == "3" ? 3 : 2 };
            var points = e.Points.Count > 60 ? e.Points.Where((_, k) => k % (e.Points.Count / 40) == 0).ToList() : e.Points;
            var marker = e.Approach == "1" ? ScottPlot.MarkerShape.FilledCircle : ScottPlot.MarkerShape.FilledSquare;
            string source = e.Approach switch { "1" => "envelope minima", "2" => "parabola minima", _ => "parametric fit" };
            // One legend entry per approach: its fitted line and, for Approaches 1 and 2, the minima it was fitted through.
            // On log-log axes the exponent of a power law is its slope.
            string label = $"Approach {e.Approach} ({source}): slope {law.Exponent:F2}";
            figure.AddLine(cs, cs.Select(law.At).ToArray(), points.Count > 0 ? null : label, style);
            if (points.Count > 0)
            {
                figure.AddScatter(points.Select(p => p.Flops).ToArray(), points.Select(p => tokens ? p.Tokens : p.Params).ToArray(),
                    style: new SeriesStyle { Color = color, MarkerSize = 6, Marker = marker });
                figure.AddLegendKey(label, style with { Marker = marker, MarkerSize = 6 }, lines: true, markers: true);
            }
        }
        // Published slopes as guides below the fits (a factor 0.6 down), so they compare slopes without lying on Approach 3.
        double cMid = Math.Sqrt(cMin * cMax);
        double anchor = (tokens ? r.Approach3.TokensLaw : r.Approach3.ParamsLaw).At(cMid) * 0.6;
        foreach (var (label, slope, dash) in new[] { ("slope 0.50 (Chinchilla)", 0.5, LineDash.Dashed), (tokens ? "slope 0.27 (Kaplan)" : "slope 0.73 (Kaplan)", tokens ? 0.27 : 0.73, LineDash.Dotted) })
            figure.AddLine(cs, cs.Select(c => anchor * Math.Pow(c / cMid, slope)).ToArray(), label, new SeriesStyle { Color = FigurePalette.Grey, Dash = dash });
        return figure;
    }

    private static Figure Backtest(ScalingAnalysisResult r, Backtest b, string paramsLabel)
    {
        var n = r.Runs.RequireParams();
        var group = r.Groups.First(g => Math.Abs(Math.Log(g.Flops / b.Flops)) < 1e-9);
        var planner = ComputePlanner.For(b.Law);
        var profile = planner.Profile(b.Flops, 0.2, 5, 60);
        return new Figure($"Backtest at C = {FlopsText(b.Flops)}: loss error {b.LossError:+0.0%;−0.0%;0.0%}, N ratio {b.ParamsRatio:0.00}")
            .WithXAxis(paramsLabel, AxisScale.Log)
            .WithYAxis("Final loss (nats/token)")
            .AddScatter(group.Rows.Select(row => n[row]).ToArray(), group.Rows.Select(row => r.Runs.Loss[row]).ToArray(), "held-out runs")
            .AddLine(profile.Points.Select(p => p.Params).ToArray(), profile.Points.Select(p => p.Loss).ToArray(), "law fitted on smaller budgets",
                new SeriesStyle { Color = FigurePalette.Vermillion })
            // Each label on the side away from the other marker, so it is read with its own.
            .AddHighlight(b.PredictedParams, b.PredictedLoss, "predicted optimum", FigurePalette.Vermillion,
                Side(b.PredictedParams >= b.ObservedParams, b.PredictedLoss < b.ObservedLoss))
            .AddHighlight(b.ObservedParams, b.ObservedLoss, "observed optimum", FigurePalette.Green,
                Side(b.ObservedParams > b.PredictedParams, b.ObservedLoss <= b.PredictedLoss));
    }

    private static LabelSide Side(bool right, bool below) => (right, below) switch
    {
        (true, true) => LabelSide.LowerRight,
        (true, false) => LabelSide.UpperRight,
        (false, true) => LabelSide.LowerLeft,
        (false, false) => LabelSide.UpperLeft,
    };
}
