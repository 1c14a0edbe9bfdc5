using ScaleSim.Plotting;
using ScaleSim.Tasks.Published;

namespace ScaleSim.Cli.Figures;

/// <summary>Figures of the published task data: Wei et al.'s emergence scales, Li et al.'s method uplift.</summary>
internal static class PublishedTaskFigures
{
    /// <summary>
    /// Wei et al. (2022) Table 1 as it is: one row per ability, at the training FLOPs where it emerged, coloured by
    /// model family, few-shot abilities as circles and augmented-prompting ones as squares. The table gives these
    /// scales, not the curves behind them.
    /// </summary>
    public static Figure EmergenceScales(IReadOnlyList<EmergenceScale> abilities)
    {
        // Table 1's order of sections: few-shot prompting on top, augmented prompting below; within each, largest compute first.
        var ordered = abilities.OrderBy(a => a.Category == "few-shot prompting" ? 0 : 1).ThenByDescending(a => a.Flops).ThenBy(a => a.Ability).ToList();
        var families = abilities.GroupBy(a => a.Model).OrderBy(g => g.Min(a => a.Flops)).Select(g => g.Key).ToList();
        int fewShot = ordered.Count(a => a.Category == "few-shot prompting");
        double Row(int i) => ordered.Count - 1 - i;
        // The x axis spans the decades the data occupy; each row is named by its ability, not numbered.
        double low = Math.Pow(10, Math.Floor(Math.Log10(ordered.Min(a => a.Flops)))), high = Math.Pow(10, Math.Ceiling(Math.Log10(ordered.Max(a => a.Flops))));
        var figure = new Figure("Wei et al. 2022, Table 1: scale at which each ability emerged")
            .WithXAxis("Training compute at emergence (FLOPs)", AxisScale.Log, min: low, max: high)
            .WithYAxis("", min: -0.7, max: ordered.Count - 0.3)
            .WithYTicks(Enumerable.Range(0, ordered.Count).Select(Row).ToArray(),
                ordered.Select(a => $"{a.Ability} ({a.Model} {Size(a.Params)})").ToArray())
            .WithSize(1200, 820)
            .WithLegend(LegendPlacement.UpperLeft) // below 10²² the top rows are empty
            .AddHorizontalLine(Row(fewShot) + 0.5, "Table 1 sections");
        for (int f = 0; f < families.Count; f++)
        {
            var color = f < FamilyColors.Length ? FamilyColors[f] : FigurePalette.Series(f);
            foreach (var (category, marker) in new[] { ("few-shot prompting", ScottPlot.MarkerShape.FilledCircle), ("augmented prompting", ScottPlot.MarkerShape.FilledSquare) })
            {
                var rows = ordered.Select((a, i) => (a, i)).Where(p => p.a.Model == families[f] && p.a.Category == category).ToList();
                if (rows.Count == 0) continue;
                figure.AddScatter(rows.Select(p => p.a.Flops).ToArray(), rows.Select(p => Row(p.i)).ToArray(),
                    style: new SeriesStyle { Color = color, Marker = marker, MarkerSize = 10 });
            }
            figure.AddLegendKey(families[f], new SeriesStyle { Color = color, Marker = ScottPlot.MarkerShape.FilledDiamond, MarkerSize = 10 }, lines: false, markers: true);
        }
        figure.AddLegendKey("few-shot prompting", new SeriesStyle { Color = FigurePalette.Grey, Marker = ScottPlot.MarkerShape.FilledCircle, MarkerSize = 10 }, lines: false, markers: true);
        figure.AddLegendKey("augmented prompting", new SeriesStyle { Color = FigurePalette.Grey, Marker = ScottPlot.MarkerShape.FilledSquare, MarkerSize = 10 }, lines: false, markers: true);
        return figure;
    }

    // Nine families: the Okabe–Ito colours, then two more that stay distinct from them (Tol's olive and wine).
    private static readonly ScottPlot.Color[] FamilyColors =
    [
        FigurePalette.Blue, FigurePalette.Vermillion, FigurePalette.Green, FigurePalette.Orange, FigurePalette.Purple,
        FigurePalette.SkyBlue, FigurePalette.Black, ScottPlot.Color.FromHex("#999933"), ScottPlot.Color.FromHex("#882255"),
    ];

    /// <summary>Li et al. (2022) Table 1: each method's accuracy against greedy's, per model and set, with the diagonal of no gain.</summary>
    public static Figure MethodUplift(IReadOnlyList<MethodUplift> uplifts)
    {
        var figure = new Figure("Sampling methods against greedy decoding (Li et al. 2022)")
            .WithXAxis("Greedy decoding accuracy (%)", min: 0, max: 100)
            .WithYAxis("Accuracy with the method (%)", min: 0, max: 100)
            .WithSize(800, 700)
            .AddLine([0, 100], [0, 100], "no gain (y = x)", new SeriesStyle { Color = FigurePalette.Grey, LineWidth = 1.5f });
        var methods = new[] { ("Self-Consistency", FigurePalette.Blue, ScottPlot.MarkerShape.FilledCircle), ("DIVERSE", FigurePalette.Vermillion, ScottPlot.MarkerShape.FilledSquare) };
        foreach (var (method, color, marker) in methods)
        {
            var rows = uplifts.Where(u => u.Method == method).ToList();
            figure.AddScatter(rows.Select(u => u.Greedy).ToArray(), rows.Select(u => u.Accuracy).ToArray(),
                $"{method}: mean +{rows.Average(u => u.Uplift):0.0} points over {rows.Count} model × set pairs", new SeriesStyle { Color = color, Marker = marker, MarkerSize = 8 });
        }
        var best = uplifts.MaxBy(u => u.Uplift)!;
        figure.AddHighlight(best.Greedy, best.Accuracy, $"{best.Model}, {best.Dataset}: +{best.Uplift:0.0}", FigurePalette.Vermillion, LabelSide.LowerRight);
        return figure;
    }

    private static string Size(double parameters) => parameters >= 1e9 ? $"{parameters / 1e9:0.#}B" : $"{parameters / 1e6:0}M";
}
