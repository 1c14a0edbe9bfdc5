using System.Globalization;
using System.Text;
using ScaleSim.Analysis;
using ScaleSim.Laws;
using ScaleSim.Runs;

namespace ScaleSim.Tests.Analysis;

/// <summary>
/// The stratified seed bootstrap on synthetic IsoFLOP sweeps whose seed noise is known: every point is the law's loss
/// times exp(σ·z) with z drawn independently per (size, seed, budget), so the spread across seeds is σ by construction.
/// </summary>
public class SeedResamplingTests
{
    private static readonly ChinchillaLaw Truth = new(E: 1.8, A: 480, B: 2100, Alpha: 0.35, Beta: 0.37);

    /// <summary>
    /// Four budgets a decade apart in half decades (1e18…1e20 × 10^0.5 steps), 7 sizes per budget over 16× around
    /// N = √(C/120), each size trained with <paramref name="seeds"/> seeds.
    /// </summary>
    private static ScalingAnalysisInput Sweep(double sigma, int seeds, int dataSeed)
    {
        var random = new Random(dataSeed);
        var csv = new StringBuilder("run,N,D,C,loss,budget,seed\n");
        for (int b = 0; b < 4; b++)
        {
            double flops = 1e18 * Math.Pow(10, b / 2.0);
            double center = Math.Sqrt(flops / 120.0);
            for (int k = 0; k < 7; k++)
            {
                double size = center * Math.Pow(16, (k - 3) / 6.0);
                double tokens = flops / (6 * size);
                for (int s = 0; s < seeds; s++)
                {
                    double loss = Truth.Loss(new ScalePoint(size, tokens, flops)) * Math.Exp(sigma * SyntheticRuns.Gaussian(random));
                    csv.Append(CultureInfo.InvariantCulture, $"r{b}-{k}-{s},{size:R},{tokens:R},{flops:R},{loss:R},{flops:R},{s}\n");
                }
            }
        }
        var runs = RunTableLoader.FromRaw(RawTable.ParseDelimited(csv.ToString(), ',', "seeded.csv"));
        return ScalingAnalysisInput.Prepare(runs, RunAnnotations.FromColumns(runs));
    }

    private static AnalysisOptions Options => new() { Resamples = 100, EntropyFloor = Truth.E };

    private static double HalfWidth(AllocationEstimate? estimate) =>
        estimate?.CiA is { } ci ? (ci.High - ci.Low) / 2 : throw new InvalidOperationException("no interval");

    [Fact]
    public void ADrawKeepsEverySizeAndBringsAllRunsOfTheDrawnSeed()
    {
        var input = Sweep(sigma: 0.01, seeds: 3, dataSeed: 1);
        var design = Assert.IsType<SeedResampling>(input.SeedResampling);
        Assert.Equal(28, design.Sizes);
        Assert.Equal(3, design.MinSeeds);
        var n = input.Runs.RequireParams();
        var rows = design.Draw(new Random(7));
        Assert.Equal(input.Runs.Count, rows.Length);
        // Every size keeps its three rows, each one of its own.
        foreach (var size in n.Distinct())
            Assert.Equal(3, rows.Count(r => n[r] == size));
        Assert.Contains(rows.GroupBy(r => r), g => g.Count() > 1);
    }

    [Fact]
    public void TheSeedNoiseOfEachBudgetIsTheKnownSigma()
    {
        foreach (double sigma in new[] { 0.005, 0.02 })
        {
            var pooled = Enumerable.Range(0, 6).SelectMany(seed =>
            {
                var input = Sweep(sigma, seeds: 3, dataSeed: seed);
                return SeedResampling.ByBudget(input.Runs, input.Groups!, input.Seeds);
            }).ToList();
            Assert.All(pooled, n => Assert.Equal(3, n.MinSeedsPerPoint));
            // Each budget's estimate has 14 degrees of freedom (7 sizes × 2): its own sampling error is about 19%.
            Assert.All(pooled, n => Assert.InRange(n.LogLossStd!.Value, 0.5 * sigma, 1.6 * sigma));
            double mean = Math.Sqrt(pooled.Average(n => n.LogLossStd!.Value * n.LogLossStd!.Value));
            Assert.InRange(mean, 0.9 * sigma, 1.1 * sigma);
        }
    }

    [Fact]
    public void IntervalsResampleSeedsAndWidenInProportionToTheSeedNoise()
    {
        // Seed noise ×4 should widen Approach 2's and 3's intervals on a by about ×4 (the profiles are nearly linear in
        // the noise at these levels); the ratio is measured on the same draws, so only the scale differs.
        var low = new List<ScalingAnalysisResult>();
        var high = new List<ScalingAnalysisResult>();
        for (int seed = 0; seed < 3; seed++)
        {
            low.Add(ScalingAnalysis.Run(Sweep(sigma: 0.002, seeds: 3, dataSeed: seed), Options));
            high.Add(ScalingAnalysis.Run(Sweep(sigma: 0.008, seeds: 3, dataSeed: seed), Options));
        }
        Assert.All(low.Concat(high), r => Assert.StartsWith("seeds within each size", r.Resampling));
        double ratio2 = high.Average(r => HalfWidth(r.Approach2)) / low.Average(r => HalfWidth(r.Approach2));
        double ratio3 = high.Average(r => HalfWidth(r.Approach3)) / low.Average(r => HalfWidth(r.Approach3));
        Assert.InRange(ratio2, 2.5, 6);
        Assert.InRange(ratio3, 2.5, 6);
        // And the intervals are about right: the true a lies inside most of them.
        int covered = low.Concat(high).Count(r => r.Approach2!.CiA is { } ci && Truth.ParamsExponent >= ci.Low && Truth.ParamsExponent <= ci.High);
        Assert.True(covered >= 4, $"the true a = {Truth.ParamsExponent:F3} lies in {covered} of 6 intervals");
        Assert.All(high, r => Assert.NotNull(r.Backtest?.CiLossError));
    }

    [Fact]
    public void WithOneSeedTheBootstrapResamplesRuns()
    {
        var result = ScalingAnalysis.Run(Sweep(sigma: 0.005, seeds: 1, dataSeed: 2), Options with { Resamples = 20 });
        Assert.StartsWith("runs within each budget", result.Resampling);
        Assert.All(result.SeedNoise, n => Assert.Null(n.LogLossStd));
    }
}
