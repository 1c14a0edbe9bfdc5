using ScaleSim.Analysis;
using ScaleSim.Experiments.Figures;
using ScaleSim.Flops;
using ScaleSim.Plotting;
using ScaleSim.Training.Sweeps;

namespace ScaleSim.Experiments.Tests;

/// <summary>
/// The simulate report's figures, built from the committed tables of tiny-chinchilla (no training), rendered and measured:
/// every text on the canvas, annotations apart, readable ticks, and legends that name every kind of mark.
/// </summary>
public class AnalysisFigureLayoutTests
{
    [Fact]
    public void TheReportFiguresOfTinyChinchillaAreReadable()
    {
        var experiment = Assert.IsType<IsoFlopExperiment>(ExperimentCatalog.Resolve("tiny-chinchilla"));
        var store = SweepResults.Load(Path.Combine(RepositoryRoot(), "experiments", "tiny-chinchilla"));
        var input = store.ForScalingAnalysis(ParameterConvention.NonEmbedding, experiment.Batch.MinSteps);
        var result = ScalingAnalysis.Run(input.Runs, input.Curves, new AnalysisOptions { Resamples = 10, EntropyFloor = input.EntropyFloor }, input.Groups);

        var figures = AnalysisFigures.Create(result, input.Curves, "Non-embedding parameters N").ToDictionary(f => f.File, f => f.Figure);
        Assert.Equal(["training-curves", "isoflop-parabolas", "optimal-params", "optimal-tokens", "loss-contours", "backtest"], figures.Keys);
        var layouts = figures.ToDictionary(f => f.Key, f => Readable(f.Value, f.Key));

        Assert.Contains(layouts["isoflop-parabolas"].LegendEntries, e => e.StartsWith("parabola in log N", StringComparison.Ordinal));
        Assert.Contains(layouts["isoflop-parabolas"].LegendEntries, e => e.StartsWith("parabola minimum", StringComparison.Ordinal));
        Assert.Contains(layouts["isoflop-parabolas"].LegendEntries, e => e.Contains("FLOPs", StringComparison.Ordinal));
        Assert.Contains(layouts["optimal-params"].LegendEntries, e => e.StartsWith("Approach 1 (envelope minima)", StringComparison.Ordinal));
        Assert.Contains(layouts["optimal-params"].LegendEntries, e => e.StartsWith("Approach 2 (parabola minima)", StringComparison.Ordinal));
        Assert.DoesNotContain(layouts["optimal-params"].LegendEntries, e => e.Contains('^'));
        Assert.InRange(layouts["training-curves"].YTickLabels.Count, 4, 10);
        Assert.True(layouts["backtest"].LegendInside);
    }

    private static FigureLayout Readable(Figure figure, string name)
    {
        FigureLayout layout = figure.MeasureLayout();
        Assert.True(!layout.OutsideCanvas.Any(), $"{name}: text off the canvas: {string.Join("; ", layout.OutsideCanvas.Select(t => t.Text))}");
        Assert.True(!layout.ClippedAnnotations.Any(), $"{name}: annotation clipped: {string.Join("; ", layout.ClippedAnnotations.Select(t => t.Text))}");
        Assert.True(!layout.Collisions.Any(), $"{name}: texts drawn over each other: {string.Join("; ", layout.Collisions.Select(c => $"'{c.First.Text}' and '{c.Second.Text}'"))}");
        Assert.True(layout.XTickLabels.Count is >= 2 and <= 12, $"{name}: {layout.XTickLabels.Count} x tick labels ({string.Join(", ", layout.XTickLabels)})");
        Assert.True(layout.YTickLabels.Count is >= 2 and <= 12, $"{name}: {layout.YTickLabels.Count} y tick labels ({string.Join(", ", layout.YTickLabels)})");
        Assert.NotEmpty(layout.LegendEntries);
        return layout;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ScaleSim.sln"))) return dir.FullName;
        throw new InvalidOperationException("ScaleSim.sln not found above the test directory");
    }
}
