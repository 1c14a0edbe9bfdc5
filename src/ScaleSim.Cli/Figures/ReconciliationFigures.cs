using ScaleSim.Planning;
using ScaleSim.Plotting;
using ScaleSim.Reconciliation;

namespace ScaleSim.Cli.Figures;

/// <summary>Figures of the Kaplan–Chinchilla reconciliation: N_opt against C under both conventions, and Porian et al.'s steps.</summary>
internal static class ReconciliationFigures
{
    public static IReadOnlyList<string> Write(FigureTarget target, KaplanChinchillaReconciliation r) =>
        Create(r).Select(f => target.Save(f.Figure, f.File)).ToList();

    /// <summary>The frontier under both conventions and Porian et al.'s steps, with their file names (nothing written).</summary>
    public static IReadOnlyList<(string File, Figure Figure)> Create(KaplanChinchillaReconciliation r)
    {
        var (low, high) = r.KaplanRange;
        var kaplanC = Enumerable.Range(0, 40).Select(i => low * Math.Pow(high / low, i / 39.0)).ToArray();
        var frontier = new Figure($"N_opt against C under both parameter conventions ({r.LawName} law)")
            .WithXAxis("Training compute C (FLOPs, 6ND with N in the line's convention)", AxisScale.Log)
            .WithYAxis("Compute-optimal parameters N_opt", AxisScale.Log)
            .AddLine(r.TotalFrontier.Select(p => p.Flops).ToArray(), r.TotalFrontier.Select(p => p.Params).ToArray(),
                $"N counting all parameters, C = 6ND with that N (slope {r.TotalKaplanRange:F3})")
            .AddLine(r.NonEmbeddingFrontier.Select(p => p.Flops).ToArray(), r.NonEmbeddingFrontier.Select(p => p.Params).ToArray(),
                $"N without embeddings, C = 6ND with that N (slope {r.NonEmbeddingKaplanRange:F3} over Kaplan's range)")
            .AddLine(kaplanC, kaplanC.Select(c => new KaplanFrontierRule().OptimalParams(c)).ToArray(),
                "Kaplan et al.'s frontier, slope 0.73 (without embeddings)", new SeriesStyle { Color = FigurePalette.Grey, Dash = LineDash.Dashed })
            .AddVerticalLine(low, "Kaplan et al.'s compute range", new SeriesStyle { Color = FigurePalette.Purple, Dash = LineDash.Dotted })
            .AddVerticalLine(high, style: new SeriesStyle { Color = FigurePalette.Purple, Dash = LineDash.Dotted });
        // The steps are categories, not numbers: each tick names its step.
        string[] shortNames = ["Kaplan setup", "+ last layer", "+ warm-up", "+ cosine", "+ tuned AdamW"];
        double[] positions = Enumerable.Range(1, r.Porian.Count).Select(i => (double)i).ToArray();
        var steps = new Figure("Porian et al. 2024: exponent of N_opt on C, step by step")
            .WithXAxis("Change to Kaplan et al.'s setup, applied cumulatively (RefinedWeb)", AxisScale.Linear, 0.5, r.Porian.Count + 0.5)
            .WithXTicks(positions, positions.Select(p => (int)p - 1 < shortNames.Length ? shortNames[(int)p - 1] : $"step {p}").ToArray())
            .WithYAxis("Exponent a of N_opt on C (N_opt ∝ Cᵃ)")
            .AddLineWithMarkers(positions, r.Porian.Select(s => s.Exponent).ToArray(), "measured a")
            .AddHorizontalLine(0.73, "Kaplan et al. 2020: 0.73")
            .AddHorizontalLine(0.5, "Hoffmann et al. 2022: 0.50");
        // Below left of each point: the line falls to the right, so that side is free of it.
        for (int i = 0; i < r.Porian.Count; i++)
            steps.AddAnnotation(i + 1 - 0.2, r.Porian[i].Exponent - 0.022, $"{r.Porian[i].Exponent:F3}");
        return [("kaplan-vs-chinchilla-frontier", frontier), ("porian-steps", steps)];
    }
}
