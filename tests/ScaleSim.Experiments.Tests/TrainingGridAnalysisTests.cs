using ScaleSim.Experiments.Grids;
using ScaleSim.Training.Model;
using ScaleSim.Training.Sweeps;

namespace ScaleSim.Experiments.Tests;

/// <summary>The branch-versus-cosine comparison of a training grid, on cells whose difference is known.</summary>
public class TrainingGridAnalysisTests
{
    [Fact]
    public void TheScheduleComparisonPairsEachBranchWithItsCosineTwin()
    {
        var model = new TinyGpt(2, 16, 1, 64, 64);
        GridCell Cell(ScheduleKind kind, ulong seed, double ratio, double loss) =>
            new(new PlannedRun($"{kind}-{seed}-{ratio}", RunRole.Grid, null, seed, model, 8, 1000, 1e9) { TokensPerParam = ratio }, kind, 0.5, loss);
        var cells = new List<GridCell>();
        // Branches end 1% lower than their cosine twins, ±0.2% by seed.
        foreach (ulong seed in new ulong[] { 0, 1, 2 })
            foreach (double ratio in new[] { 10.0, 20.0 })
            {
                double cos = 1.2 + 0.01 * seed;
                cells.Add(Cell(ScheduleKind.Cosine, seed, ratio, cos));
                cells.Add(Cell(ScheduleKind.WarmupStableDecay, seed, ratio, cos * (0.99 + 0.002 * (seed - 1.0))));
            }
        var comparison = Assert.IsType<ScheduleComparison>(TrainingGridAnalysis.Compare(cells));
        Assert.Equal(6, comparison.Pairs.Count);
        Assert.Equal(-0.01, comparison.Mean, 9);
        Assert.InRange(-0.01, comparison.Interval.Low, comparison.Interval.High);
        Assert.True(comparison.Interval.High < 0);
        Assert.Null(TrainingGridAnalysis.Compare(cells.Where(c => c.Schedule == ScheduleKind.Cosine).ToList()));
    }
}
