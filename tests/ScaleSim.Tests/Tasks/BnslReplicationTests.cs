using ScaleSim.Tasks;
using ScaleSim.Tasks.Curves;

namespace ScaleSim.Tests.Tasks;

/// <summary>
/// Caballero et al.'s (2022) own BNSL fit, repeated: their released 4-digit addition losses (Figure 4, left;
/// data/bnsl2022_4digit_addition.csv), the first 14 dataset sizes fitted with one break and the last 3 extrapolated.
/// Their script (fit_bnsl_and_extrapolate__4_digit_addition__dataset_size_x-axis.py: a brute-force grid, then
/// curve_fit on ln(1 + y)), run with SciPy 1.10.1, reaches a = 0.41388, b = 2.27727, c0 = 0.05508, c1 = 5.6629,
/// d1 = 612.58, f1 = 0.059193, a mean squared log error of 1.6196e-7 on the 14 and an RMSLE (ln(1 + y)) of 0.0041790
/// on the 3 held out.
/// </summary>
public class BnslReplicationTests
{
    [Fact]
    public void OneBreakBnslReachesTheReferenceOptimumAndItsExtrapolation()
    {
        var curve = TaskTableLoader.Load(TestData.Path("bnsl2022_4digit_addition.csv"), new TaskColumns(Direction: MetricDirection.LowerIsBetter)).Curves().Single();
        var result = TaskCurveAnalysis.Analyze(curve, new TaskCurveOptions { Form = "bnsl1", Holdout = 3, Bootstrap = 0 });
        var fit = result.Fit;
        Assert.Equal(14, result.Data.Count);
        // The objective is half the summed squared log error: no worse than the reference's mean over 14 points.
        Assert.True(fit.ChiSquare / 14 <= 1.6196e-7 * (1 + 1e-3), $"MSLE {fit.ChiSquare / 14:E4}");
        Assert.Equal(612.58, fit["d1"], 612.58 * 2e-3);
        Assert.Equal(5.6629, fit["c1"], 5.6629 * 5e-3);
        Assert.Equal(0.41388, fit["a"], 1e-3);
        Assert.Equal(0.0041790, result.Holdout!.Rmsle, 0.0041790 * 1e-2);
    }
}
