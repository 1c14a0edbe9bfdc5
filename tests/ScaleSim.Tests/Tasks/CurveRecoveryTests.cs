using MathNet.Numerics.Distributions;
using ScaleSim.Laws;
using ScaleSim.Tasks;
using ScaleSim.Tasks.Classification;
using ScaleSim.Tasks.Curves;

namespace ScaleSim.Tests.Tasks;

/// <summary>Each curve form recovers the parameters of noisy synthetic curves drawn from it.</summary>
public class CurveRecoveryTests
{
    private const int Examples = 2000;
    private static readonly double[] Log10Scales = Enumerable.Range(0, 12).Select(i => 8 + 4 * i / 11.0).ToArray();

    private static CurvePoints Draw(Func<double, double> truth, int seed, double? chance)
    {
        var random = new Random(seed);
        var y = Log10Scales.Select(x => Binomial.Sample(random, Math.Clamp(truth(x), 0, 1), Examples) / (double)Examples).ToArray();
        return CurvePoints.Create(Log10Scales, y, Log10Scales.Select(_ => Examples).ToArray(), chance, logScale: true);
    }

    private static void AssertEach(int seeds, Action<int> check)
    {
        for (int seed = 0; seed < seeds; seed++) check(seed);
    }

    [Fact]
    public void LinearSlopeAndInterceptAreRecovered() => AssertEach(20, seed =>
    {
        var fit = CurveFitter.Fit(new LinearForm(), Draw(x => -0.3 + 0.08 * x, seed, null));
        Assert.InRange(fit["slope"], 0.07, 0.09);
        Assert.InRange(fit["intercept"] + 10 * fit["slope"], 0.48, 0.52);
    });

    [Fact]
    public void SigmoidCeilingMidpointAndSlopeAreRecovered() => AssertEach(20, seed =>
    {
        // From chance 0.25 to 0.85, midpoint 1e10, 3 logistic units per decade.
        var fit = CurveFitter.Fit(new SigmoidForm(0.25), Draw(x => 0.25 + 0.6 / (1 + Math.Exp(-3 * (x - 10))), seed, 0.25));
        Assert.InRange(fit["ceiling"], 0.82, 0.88);
        Assert.InRange(Math.Log10(fit["midpoint"]), 9.9, 10.1);
        Assert.InRange(fit["slope"], 2.5, 3.6);
    });

    [Fact]
    public void SigmoidWithAFreeFloorRecoversTheFloor() => AssertEach(10, seed =>
    {
        var fit = CurveFitter.Fit(new SigmoidForm(null), Draw(x => 0.3 + 0.5 / (1 + Math.Exp(-2 * (x - 9.5))), seed, null));
        Assert.InRange(fit["floor"], 0.26, 0.34);
        Assert.InRange(fit["ceiling"], 0.76, 0.84);
        Assert.InRange(Math.Log10(fit["midpoint"]), 9.3, 9.7);
    });

    [Fact]
    public void BnslRecoversTheBreakAndTheCurve() => AssertEach(10, seed =>
    {
        // Caballero et al. 2022, Eq. 1 with one break: flat at 0.25 until 1e10, then rising as x^0.5 towards 0.9.
        static double Truth(double x) => 0.9 - 0.65 * Math.Pow(1 + Math.Pow(Math.Pow(10, x) / 1e10, 1 / 0.3), -0.5 * 0.3);
        var fit = CurveFitter.Fit(new BrokenPowerLawForm(1), Draw(Truth, seed, 0.25));
        Assert.InRange(Math.Log10(fit["d1"]), 9.6, 10.4);
        foreach (double x in Log10Scales) Assert.InRange(fit.Predict(x) - Truth(x), -0.02, 0.02);
    });

    [Fact]
    public void UShapeRecoversTheTurningPointAndTheCurve() => AssertEach(20, seed =>
    {
        // y = 0.14 + 0.08·(x/1e10)^(−0.35) + 0.08·(x/1e10)^0.35: minimum 0.30 at 1e10. The shared exponent r trades
        // off against a, b and c (at this depth and noise r ranges over 0.05–0.55 across seeds), so the test checks
        // what the data pin down: the turning point, the minimum and the curve.
        static double Truth(double x) => 0.14 + 0.08 * Math.Pow(10, -0.35 * (x - 10)) + 0.08 * Math.Pow(10, 0.35 * (x - 10));
        var data = Draw(Truth, seed, null);
        var fit = CurveFitter.Fit(new UShapeForm(), data);
        double turning = Math.Log10(UShapeForm.TurningPoint(fit.Theta, data));
        Assert.InRange(turning, 9.8, 10.2);
        Assert.InRange(fit.Predict(turning), 0.275, 0.325);
        // Three binomial standard errors of one score (about 0.011 here); the ends move most with r.
        foreach (double x in Log10Scales) Assert.InRange(fit.Predict(x) - Truth(x), -0.035, 0.035);
    });

    [Fact]
    public void EmergenceThresholdIntervalCoversTheTruthAtAboutTheNominalRate()
    {
        // Chance 0, a sharp rise to 0.7 at 1e10: the true threshold is where the truth clears the margin 0.1.
        static double Truth(double x) => 0.7 / (1 + Math.Exp(-5 * (x - 10)));
        double trueThreshold = 10 - Math.Log(0.7 / 0.1 - 1) / 5;
        const int seeds = 40;
        int covered = 0;
        for (int seed = 0; seed < seeds; seed++)
        {
            var random = new Random(1000 + seed);
            var points = Log10Scales.Select((x, i) => new TaskObservation($"m{i}", Math.Pow(10, x), "t", "exact_match",
                Binomial.Sample(random, Truth(x), 500) / 500.0, 0, 500));
            var result = TaskCurveAnalysis.Analyze(new TaskCurve("synthetic", ScaleVariable.Params, points),
                new TaskCurveOptions { Bootstrap = 100, Seed = seed, Selection = new() { Extrapolation = false } });
            Assert.Equal(CurveClass.Emergent, result.Class);
            var interval = result.ThresholdInterval!;
            if (Math.Log10(interval.Low) <= trueThreshold && trueThreshold <= Math.Log10(interval.High)) covered++;
        }
        // About 95%; with 40 seeds, 80% is several binomial standard deviations below.
        Assert.True(covered >= 0.8 * seeds, $"threshold covered in {covered}/{seeds} seeds");
    }
}
