using ScaleSim.Experiments.Figures;
using ScaleSim.Laws;
using ScaleSim.Planning;
using ScaleSim.Plotting;
using ScaleSim.Replication;

namespace ScaleSim.Cli.Figures;

/// <summary>The figures of the Chinchilla replication (the fit's residuals and bootstrap come from <see cref="FitFigures"/>).</summary>
internal static class ReplicationFigures
{
    /// <summary>Writes every figure; returns (file name without extension, title) pairs in report order.</summary>
    public static IReadOnlyList<(string File, string Caption)> Write(FigureTarget target, ChinchillaReplication r)
    {
        var figures = Create(r);
        foreach (var (file, _, figure) in figures) figure.Save(target.Directory, file, target.Output);
        return figures.Select(f => (f.File, f.Caption)).ToList();
    }

    /// <summary>Every figure with its file name and caption, in report order (nothing written).</summary>
    public static IReadOnlyList<(string File, string Caption, Figure Figure)> Create(ChinchillaReplication r)
    {
        var planner = ComputePlanner.For(r.Fit.Law);
        return new List<(string, string, Figure)>
        {
            ("isoflop-gopher-chinchilla", "IsoFLOP curves of the refit law, with Gopher and Chinchilla each on the curve of its own 6ND budget", IsoFlopCurves(planner)),
            ("loss-contours", "Loss contours of the refit over compute and model size, with the efficient frontier and the 240 runs (as Hoffmann et al. Figure 4)", LossContours(planner, r)),
            ("bootstrap-a", "Bootstrap distribution of a, the exponent of N_opt on C, beside Hoffmann et al.'s Table 2", BootstrapOfA(r)),
            ("residuals", "Residuals of the refit against compute", FitFigures.Residuals(r.Fit, r.Runs)),
        };
    }

    private static Figure IsoFlopCurves(ComputePlanner planner)
    {
        // Taller than the default: seven legend entries fit above the curves rather than beside a squeezed plot.
        var figure = new Figure("IsoFLOP profiles under the refit Chinchilla law").WithSize(800, 640)
            .WithXAxis("Parameters N (total)", AxisScale.Log)
            .WithYAxis("Predicted loss L (nats/token)");
        // Each model on the curve of its own budget C = 6ND (5.04e23 and 5.88e23), not on the 5.76e23 quoted for both.
        var gopher = ReferenceModels.Gopher;
        var chinchilla = ReferenceModels.Chinchilla;
        (double Flops, string Label)[] budgets =
        [
            (1e21, $"C = {FlopsText(1e21)}"), (1e22, $"C = {FlopsText(1e22)}"), (1e23, $"C = {FlopsText(1e23)}"),
            (gopher.Flops, $"C = {FlopsText(gopher.Flops)} (Gopher's 6ND)"), (chinchilla.Flops, $"C = {FlopsText(chinchilla.Flops)} (Chinchilla's 6ND)"),
            (1e25, $"C = {FlopsText(1e25)}"),
        ];
        var optima = new List<Allocation>();
        for (int i = 0; i < budgets.Length; i++)
        {
            // The largest budget's curve starts right of Chinchilla, so its label stays clear of it.
            var profile = planner.Profile(budgets[i].Flops, smallFactor: i == budgets.Length - 1 ? 0.35 : 0.1, largeFactor: 10, points: 61);
            figure.AddLine(profile.Points.Select(p => p.Params).ToArray(), profile.Points.Select(p => p.Loss).ToArray(),
                budgets[i].Label, new SeriesStyle { Color = FigurePalette.Series(i) });
            optima.Add(profile.Optimal);
        }
        figure.AddLineWithMarkers(optima.Select(o => o.Params).ToArray(), optima.Select(o => o.Loss).ToArray(), "compute-optimal N",
            new SeriesStyle { Color = FigurePalette.Black, Dash = LineDash.Dotted });
        foreach (var (model, color, side) in new[] { (gopher, FigurePalette.Vermillion, LabelSide.UpperRight), (chinchilla, FigurePalette.Green, LabelSide.LowerLeft) })
            figure.AddHighlight(model.Params, planner.Law.Loss(model.Params, model.Tokens),
                $"{char.ToUpperInvariant(model.Name[0])}{model.Name[1..]} {model.Params / 1e9:0}B, {model.Tokens / 1e12:0.0#}T tokens", color, side);
        return figure;
    }

    private static string FlopsText(double flops) => ScaleSim.Experiments.Figures.AnalysisFigures.FlopsText(flops);

    private static Figure LossContours(ComputePlanner planner, ChinchillaReplication r)
    {
        var figure = LossContourFigure.Create("Refit Chinchilla law: loss over compute and model size", planner,
            r.Runs.RequireFlops(), r.Runs.RequireParams(), "runs (Epoch reconstruction)", "Parameters N (total)", 1e18, 1e26, 1e7, 1e12);
        figure.AddHighlight(ReferenceModels.Gopher.Flops, ReferenceModels.Gopher.Params, "Gopher", FigurePalette.Vermillion, LabelSide.UpperLeft);
        figure.AddHighlight(ReferenceModels.Chinchilla.Flops, ReferenceModels.Chinchilla.Params, "Chinchilla", FigurePalette.Green, LabelSide.LowerRight);
        return figure;
    }

    private static Figure BootstrapOfA(ChinchillaReplication r) =>
        FitFigures.BootstrapHistogram(r.Bootstrap, "a", "a = β/(α+β), the exponent of N_opt on C")
            .AddVerticalLine(0.50, "Hoffmann Approach 1: 0.50", new SeriesStyle { Color = FigurePalette.Green, Dash = LineDash.DashDot })
            .AddVerticalLine(0.46, "Hoffmann Approach 3: 0.46", new SeriesStyle { Color = FigurePalette.Purple, Dash = LineDash.DashDot });
}
