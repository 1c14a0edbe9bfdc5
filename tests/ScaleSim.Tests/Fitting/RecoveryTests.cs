using ScaleSim.Fitting;
using ScaleSim.Laws;

namespace ScaleSim.Tests.Fitting;

/// <summary>Fits recover the law that generated noisy synthetic runs, and bootstrap intervals cover it at about the nominal rate.</summary>
public class RecoveryTests
{
    private static readonly ChinchillaLaw Truth = new(E: 1.8, A: 480, B: 2100, Alpha: 0.35, Beta: 0.37);

    // A coarse grid around plausible values keeps 40 seeds fast; the full 4500-start grid is tested on Epoch's data.
    private static readonly IReadOnlyList<double[]> CoarseStarts = StartGrid.Product(
        [0, 5, 10], [0, 5, 10], [-0.5, 0.5], [0.25, 0.5], [0.25, 0.5]);

    [Fact]
    public void ChinchillaParametersAreRecoveredAndCoveredAtAboutTheNominalRate()
    {
        const int seeds = 40;
        var covered = new Dictionary<string, int> { ["E"] = 0, ["alpha"] = 0, ["beta"] = 0, ["a"] = 0 };
        var truth = new Dictionary<string, double> { ["E"] = Truth.E, ["alpha"] = Truth.Alpha, ["beta"] = Truth.Beta, ["a"] = Truth.ParamsExponent };
        var alphaErrors = new List<double>();
        for (int seed = 0; seed < seeds; seed++)
        {
            var data = SyntheticRuns.Data(SyntheticRuns.IsoFlopGrid(Truth, sigma: 0.01, seed));
            var fit = MultiStartFitter.Fit(new ChinchillaLseModel(), data, new FitOptions { Starts = CoarseStarts });
            var bootstrap = BootstrapFit.Run(fit, data, resamples: 200, seed: seed);
            alphaErrors.Add(((ChinchillaLaw)fit.Law).Alpha - Truth.Alpha);
            foreach (var name in covered.Keys)
                if (bootstrap[name].Low <= truth[name] && truth[name] <= bootstrap[name].High) covered[name]++;
        }
        // Unbiased: the mean error is small against the spread.
        Assert.InRange(alphaErrors.Average(), -0.02, 0.02);
        // About 95% coverage; with 40 seeds, 80% is more than four binomial standard deviations below.
        foreach (var (name, count) in covered)
            Assert.True(count >= 0.8 * seeds, $"{name} covered in {count}/{seeds} seeds");
    }

    public static TheoryData<string> KaplanLaws => ["kaplan-n", "kaplan-nd", "kaplan-nd+E"];

    [Theory]
    [MemberData(nameof(KaplanLaws))]
    public void KaplanParametersAreRecoveredAndCovered(string name)
    {
        ILossLaw truth = name switch
        {
            "kaplan-n" => new KaplanPowerLaw(ScaleVariable.Params, 8.8e13, 0.076),
            "kaplan-nd" => new KaplanJointLaw(0.076, 0.103, 6.4e13, 1.8e13),
            _ => new KaplanJointLaw(0.3, 0.35, 1e9, 2e10, 1.5),
        };
        var model = LawFits.Model(name.Replace("+E", ""), irreducible: name.EndsWith("+E"));
        const int seeds = 40;
        int coveredExponent = 0;
        string exponent = truth.ParameterNames[0];
        for (int seed = 0; seed < seeds; seed++)
        {
            var data = SyntheticRuns.Data(SyntheticRuns.IsoFlopGrid(truth, sigma: 0.005, seed));
            var fit = MultiStartFitter.Fit(model, data);
            Assert.Equal(truth.Kind, fit.Law.Kind);
            for (int k = 0; k < truth.ParameterValues.Count; k++)
            {
                double relative = Math.Abs(fit.Law.ParameterValues[k] / truth.ParameterValues[k] - 1);
                // Scales like N_c are only pinned down to a factor (their logs are what the data determine).
                double tolerance = truth.ParameterNames[k].EndsWith("_c") ? 1.0 : 0.15;
                Assert.True(relative < tolerance, $"seed {seed}: {truth.ParameterNames[k]} = {fit.Law.ParameterValues[k]:G5}, truth {truth.ParameterValues[k]:G5}");
            }
            var bootstrap = BootstrapFit.Run(fit, data, resamples: 200, seed: seed);
            if (bootstrap[exponent].Low <= truth.ParameterValues[0] && truth.ParameterValues[0] <= bootstrap[exponent].High) coveredExponent++;
        }
        Assert.True(coveredExponent >= 0.8 * seeds, $"{exponent} covered in {coveredExponent}/{seeds} seeds");
    }

    [Fact]
    public void TooFewRowsForTheLawIsAnInputError()
    {
        var data = FitData.FromValues([1e8, 1e9, 1e10], [1e9, 1e10, 1e11], null, [3, 2.5, 2.2]);
        var error = Assert.Throws<InputException>(() => MultiStartFitter.Fit(new ChinchillaLseModel(), data, source: "tiny.csv"));
        Assert.Equal("tiny.csv: 3 rows, but law chinchilla has 5 parameters to fit", error.Message);
    }

    [Fact]
    public void LawsMissingTheirVariableSayWhichColumnToMap()
    {
        var data = FitData.FromValues(null, [1e9, 1e10, 1e11], null, [3, 2.5, 2.2]);
        var error = Assert.Throws<InputException>(() => MultiStartFitter.Fit(new KaplanPowerModel(ScaleVariable.Params), data, source: "runs.csv"));
        Assert.Contains("map the column with params_column", error.Message);
    }
}
