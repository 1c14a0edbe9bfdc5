using ScaleSim.Experiments.Ladder;
using ScaleSim.Plotting;

namespace ScaleSim.Experiments.Figures;

/// <summary>The figures of a Kaplan-to-Chinchilla ladder: a per step beside Porian et al.'s, and each step's N_opt against C.</summary>
internal static class ProtocolLadderFigures
{
    /// <summary>a per step with its 95% interval, Porian et al.'s a after the same step, and Kaplan's and Chinchilla's exponents.</summary>
    public static Figure Exponents(IReadOnlyList<LadderStep> steps)
    {
        double[] x = steps.Select(s => (double)s.Number).ToArray();
        var measured = new SeriesStyle { Color = FigurePalette.Blue };
        var figure = new Figure("Exponent a of N_opt ∝ Cᵃ, step by step from Kaplan's protocol to Chinchilla's")
            .WithXAxis("Change to Kaplan et al.'s protocol, applied cumulatively", AxisScale.Linear, 0.5, steps.Count + 0.5)
            .WithXTicks(x, steps.Select(s => s.Number == 1 ? "Kaplan's protocol" : s.Name).ToArray())
            .WithYAxis("Exponent a (IsoFLOP parabolas, 95% interval)")
            .WithSize(1000, 620);
        var fitted = steps.Where(s => s.Estimate is not null).ToList();
        if (fitted.Count > 0)
            figure.AddLineWithMarkers(fitted.Select(s => (double)s.Number).ToArray(), fitted.Select(s => s.Estimate!.A).ToArray(), "measured here (tiny GPTs, Markov source)", measured);
        foreach (var s in fitted.Where(s => s.Estimate!.CiA is not null))
            figure.AddLine([s.Number, s.Number], [s.Estimate!.CiA!.Value.Low, s.Estimate.CiA.Value.High], style: measured with { LineWidth = 3 });
        if (fitted.Any(s => s.Estimate!.CiA is not null)) figure.AddLegendKey("95% interval, seeds resampled", measured with { LineWidth = 3 });
        var published = steps.Where(s => s.PublishedA is not null).ToList();
        figure.AddLineWithMarkers(published.Select(s => (double)s.Number).ToArray(), published.Select(s => s.PublishedA!.Value).ToArray(),
            "Porian et al. 2024 (RefinedWeb)", new SeriesStyle { Color = FigurePalette.Grey, Dash = LineDash.Dashed, Marker = ScottPlot.MarkerShape.OpenSquare });
        figure.AddHorizontalLine(0.73, "Kaplan et al. 2020: 0.73", new SeriesStyle { Color = FigurePalette.Vermillion, Dash = LineDash.Dotted });
        figure.AddHorizontalLine(0.5, "Hoffmann et al. 2022: 0.50", new SeriesStyle { Color = FigurePalette.Green, Dash = LineDash.Dotted });
        foreach (var s in fitted)
            figure.AddAnnotation(s.Number + 0.12, s.Estimate!.A, $"{s.Estimate.A:F2}");
        return figure;
    }

    /// <summary>Each step's IsoFLOP optima (parabola vertices) against C with its fitted power law.</summary>
    public static Figure Frontiers(IReadOnlyList<LadderStep> steps)
    {
        var figure = new Figure("Compute-optimal N against C under each step's protocol")
            .WithXAxis("Training compute C (FLOPs, 6·N·D with the step's N)", AxisScale.Log)
            .WithYAxis("Compute-optimal parameters N_opt (the step's N)", AxisScale.Log)
            .WithSize(1000, 620);
        foreach (var s in steps.Where(s => s.Estimate is { Points.Count: > 0 }))
        {
            var e = s.Estimate!;
            // Step 5 recounted without embeddings (Pearce & Song) is the odd one out: black and dashed.
            var style = s.NonEmbedding && s.Number > 1
                ? new SeriesStyle { Color = FigurePalette.Black, Dash = LineDash.Dashed }
                : new SeriesStyle { Color = FigurePalette.Series(s.Number - 1) };
            double[] c = e.Points.Select(p => p.Flops).ToArray();
            figure.AddScatter(c, e.Points.Select(p => p.Params).ToArray(), style: style);
            double lo = c.Min(), hi = c.Max();
            double[] line = [lo, Math.Sqrt(lo * hi), hi];
            figure.AddLine(line, line.Select(e.ParamsLaw.At).ToArray(), $"{s.Number}. {s.Name}: a = {e.A:F2}", style);
        }
        return figure;
    }
}
