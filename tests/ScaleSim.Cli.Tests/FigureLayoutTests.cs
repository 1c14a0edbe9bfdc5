using ScaleSim.Cli.Figures;
using ScaleSim.Flops;
using ScaleSim.Laws;
using ScaleSim.Planning;
using ScaleSim.Plotting;
using ScaleSim.Reconciliation;
using ScaleSim.Replication;
using ScaleSim.Tasks.Published;

namespace ScaleSim.Cli.Tests;

/// <summary>
/// The committed figures from published data, rendered and measured: every text on the canvas, annotations inside the
/// data area and apart from each other and the legend, a readable number of ticks, the legend naming what is drawn.
/// </summary>
public class FigureLayoutTests
{
    [Fact]
    public void ChinchillaReplicationFiguresAreReadable()
    {
        var r = ChinchillaReplication.Run(PublishedData.EpochKeptRuns(), PublishedData.TableA3Approach3(), 20, 0);
        var figures = ReplicationFigures.Create(r).ToDictionary(f => f.File, f => f.Figure);
        foreach (var (file, figure) in figures) Readable(figure, file);

        var isoFlop = figures["isoflop-gopher-chinchilla"].MeasureLayout();
        // Each model on the curve of its own 6ND budget.
        Assert.Contains(isoFlop.LegendEntries, e => e.Contains("5.04×10²³", StringComparison.Ordinal) && e.Contains("Gopher", StringComparison.Ordinal));
        Assert.Contains(isoFlop.LegendEntries, e => e.Contains("5.88×10²³", StringComparison.Ordinal) && e.Contains("Chinchilla", StringComparison.Ordinal));
        Assert.True(isoFlop.LegendInside);
        Assert.True(figures["bootstrap-a"].MeasureLayout().LegendInside);
        Assert.DoesNotContain("zero", figures["residuals"].MeasureLayout().LegendEntries);
    }

    [Fact]
    public void ConstraintFiguresAreReadable()
    {
        var law = (ChinchillaLaw)LawFile.Resolve("epoch");
        var reconciliation = KaplanChinchillaReconciliation.Run("epoch", law, FixedAspectFamily.PearceSong);
        foreach (var (file, figure) in ReconciliationFigures.Create(reconciliation))
        {
            var layout = Readable(figure, file);
            Assert.DoesNotContain(layout.LegendEntries, e => e.Contains('\\') || e.Contains('^'));
        }
        var steps = ReconciliationFigures.Create(reconciliation).Single(f => f.File == "porian-steps").Figure.MeasureLayout();
        Assert.Equal("Kaplan setup", steps.XTickLabels[0]);

        var planner = new InferenceAwarePlanner(ComputePlanner.For(LawFile.Resolve("hoffmann")).Law);
        var plan = planner.ForTargetLoss(2.0, 2e13);
        var cost = Readable(InferenceFigures.Create(planner, plan, "hoffmann"), "inference-total-cost");
        Assert.Contains(cost.LegendEntries, e => e.StartsWith("compute-optimal N", StringComparison.Ordinal));
        Assert.Contains(cost.LegendEntries, e => e.StartsWith("inference-aware N", StringComparison.Ordinal));
    }

    [Fact]
    public void PublishedTaskFiguresAreReadable()
    {
        var emergence = Readable(PublishedTaskFigures.EmergenceScales(PublishedData.EmergentAbilities()), "wei2022-emergence-scales", maxYTicks: 40);
        // Rows are named, not numbered; the x axis ends within a decade of the data.
        Assert.All(emergence.YTickLabels, label => Assert.False(double.TryParse(label, out _), label));
        Assert.True(emergence.XTickLabels.Count <= 7, string.Join(", ", emergence.XTickLabels));
        Readable(PublishedTaskFigures.MethodUplift(ReasoningMethods.Uplifts(PublishedData.ReasoningMethods())), "reasoning-method-uplift");
    }

    private static FigureLayout Readable(Figure figure, string name, int maxTicks = 12, int? maxYTicks = null)
    {
        FigureLayout layout = figure.MeasureLayout();
        Assert.True(!layout.OutsideCanvas.Any(), $"{name}: text off the canvas: {string.Join("; ", layout.OutsideCanvas.Select(t => t.Text))}");
        Assert.True(!layout.ClippedAnnotations.Any(), $"{name}: annotation clipped by the data area: {string.Join("; ", layout.ClippedAnnotations.Select(t => t.Text))}");
        Assert.True(!layout.Collisions.Any(), $"{name}: texts drawn over each other: {string.Join("; ", layout.Collisions.Select(c => $"'{c.First.Text}' and '{c.Second.Text}'"))}");
        Assert.InRange(layout.XTickLabels.Count, 2, maxTicks);
        Assert.InRange(layout.YTickLabels.Count, 2, maxYTicks ?? maxTicks);
        Assert.NotEmpty(layout.LegendEntries);
        return layout;
    }
}
