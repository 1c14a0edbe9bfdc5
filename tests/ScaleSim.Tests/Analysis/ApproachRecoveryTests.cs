using ScaleSim.Analysis;
using ScaleSim.Laws;
using ScaleSim.Runs;

namespace ScaleSim.Tests.Analysis;

/// <summary>The parabola and envelope methods recover the exponents of a known law from synthetic data.</summary>
public class ApproachRecoveryTests
{
    private static readonly ChinchillaLaw Truth = new(E: 1.8, A: 480, B: 2100, Alpha: 0.35, Beta: 0.37);

    private static RunTable Table((double[] N, double[] D, double[] C, double[] Loss) runs)
    {
        var text = "N,D,C,loss\n" + string.Concat(Enumerable.Range(0, runs.N.Length).Select(i => FormattableString.Invariant($"{runs.N[i]:R},{runs.D[i]:R},{runs.C[i]:R},{runs.Loss[i]:R}\n")));
        return RunTableLoader.FromRaw(RawTable.ParseDelimited(text, ',', "synthetic.csv"));
    }

    [Fact]
    public void IsoFlopParabolasFindEachBudgetsOptimumAndTheExponent()
    {
        var runs = Table(SyntheticRuns.IsoFlopGrid(Truth, sigma: 0, seed: 0));
        var groups = IsoFlopGroup.WithinTolerance(runs.Flops!, BudgetGrouping.DefaultTolerance);
        Assert.Equal(9, groups.Count);
        Assert.All(groups, g => Assert.Equal(10, g.Rows.Count));
        var parabolas = Approach2Profiles.Parabolas(runs, groups);
        Assert.All(parabolas, p => Assert.True(p.HasInteriorMinimum));
        var estimate = Approach2Profiles.Fit(parabolas);
        Assert.Equal(Truth.ParamsExponent, estimate.A, 2);
        Assert.Equal(1.0, estimate.A + estimate.B, 6);
    }

    [Fact]
    public void ParabolaVertexIsExactForAQuadratic()
    {
        double[] n = [1e6, 3e6, 1e7, 3e7, 1e8];
        var loss = n.Select(v => 2 + 0.05 * Math.Pow(Math.Log(v) - Math.Log(8e6), 2)).ToArray();
        var p = IsoFlopParabola.Fit(1e15, n, loss);
        Assert.Equal(8e6, p.OptimalParams, 1e-3 * 8e6);
        Assert.Equal(2.0, p.MinimumLoss, 9);
    }

    [Fact]
    public void EnvelopeOfTrainingCurvesRecoversTheExponent()
    {
        // Curves whose every point is the law's loss at that many tokens: the envelope is then the true frontier.
        var curves = new List<TrainingCurve>();
        // Sizes and token counts wide enough that the optimum stays inside them across the envelope's compute range.
        for (int k = 0; k <= 60; k++)
        {
            double n = 1e7 * Math.Pow(10, k / 10.0);
            var tokens = Enumerable.Range(0, 85).Select(j => 1e8 * Math.Pow(10, j / 12.0)).ToArray();
            curves.Add(new TrainingCurve($"n{k}", n, tokens, tokens.Select(d => 6 * n * d).ToArray(), tokens.Select(d => Truth.Loss(n, d)).ToArray()));
        }
        var estimate = Approach1Envelope.Fit(curves);
        Assert.Equal(Truth.ParamsExponent, estimate.A, 1);
        Assert.InRange(estimate.A, Truth.ParamsExponent - 0.03, Truth.ParamsExponent + 0.03);
    }

    [Fact]
    public void AllThreeApproachesAgreeOnNoisySyntheticRunsAndTheBacktestHolds()
    {
        var runs = Table(SyntheticRuns.IsoFlopGrid(Truth, sigma: 0.003, seed: 4));
        var result = ScalingAnalysis.Run(runs, options: new AnalysisOptions { Resamples = 50, EntropyFloor = Truth.E });
        Assert.NotNull(result.Approach2);
        foreach (var estimate in new[] { result.Approach1, result.Approach2!, result.Approach3 })
            Assert.InRange(estimate.A, Truth.ParamsExponent - 0.1, Truth.ParamsExponent + 0.1);
        Assert.InRange(result.Approach3.A, result.Approach3.CiA!.Value.Low, result.Approach3.CiA!.Value.High);
        Assert.InRange(((ChinchillaLaw)result.Approach3Fit.Law).E, Truth.E * 0.95, Truth.E * 1.05);
        var backtest = Assert.IsType<Backtest>(result.Backtest);
        Assert.InRange(backtest.LossError, -0.02, 0.02);
        Assert.InRange(backtest.ParamsRatio, 0.5, 2);
    }

    [Fact]
    public void PowerLawNeedsTwoBudgets()
    {
        Assert.Throws<InputException>(() => PowerLaw.FitLogLog([1e18, 1e18], [1e6, 2e6]));
        var law = PowerLaw.FitLogLog([1e18, 1e20], [1e6, 1e7]);
        Assert.Equal(0.5, law.Exponent, 12);
    }
}
