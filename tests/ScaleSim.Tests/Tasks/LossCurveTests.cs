using MathNet.Numerics.Distributions;
using ScaleSim.Laws;
using ScaleSim.Tasks;
using ScaleSim.Tasks.Classification;
using ScaleSim.Tasks.Curves;
using Xunit.Abstractions;

namespace ScaleSim.Tests.Tasks;

/// <summary>Curves of a loss (lower is better): BNSL fitted in log space, the classes read for a loss, hold-out.</summary>
public class LossCurveTests(ITestOutputHelper output)
{
    private static readonly double[] Log10Scales = Enumerable.Range(0, 12).Select(i => 6 + 4 * i / 11.0).ToArray();

    // Caballero et al. 2022, Eq. 1 with one break: a loss of 2.2 at 10⁶ that breaks at 10⁸ (sharpness 0.3) and falls
    // towards 0.3; a = 0.3, b = 2.503, c0 = 0.02, d1 = 1e8, c1 = 0.6, f1 = 0.3.
    private static double BrokenLoss(double log10) =>
        0.3 + 2.503 * Math.Pow(10, -0.02 * log10) * Math.Pow(1 + Math.Pow(Math.Pow(10, log10) / 1e8, 1 / 0.3), -0.6 * 0.3);

    // Kaplan et al. 2020's shape: a loss falling as a power law towards 1.5.
    private static double PowerLawLoss(double log10) => 1.5 + 3 * Math.Pow(10, -0.25 * (log10 - 6));

    private static double[] Noisy(Func<double, double> truth, int seed, double relative = 0.01)
    {
        var random = new Random(seed);
        return Log10Scales.Select(x => truth(x) * Math.Exp(relative * Normal.Sample(random, 0, 1))).ToArray();
    }

    private static TaskCurve Curve(double[] losses, string metric = "loss", double[]? log10Scales = null) =>
        new("synthetic losses", ScaleVariable.Tokens, (log10Scales ?? Log10Scales).Select((x, i) =>
            new TaskObservation($"m{i}", Math.Pow(10, x), "task", metric, losses[i], Direction: MetricDirection.LowerIsBetter)));

    [Fact]
    public void BnslRecoversTheBreakAndTheExponentsOfALoss()
    {
        // 20 seeds of 1% log-normal noise on twelve losses from 10⁶ to 10¹⁰.
        const int seeds = 20;
        var errors = new List<(double D, double C1, double A, double Curve)>();
        for (int seed = 0; seed < seeds; seed++)
        {
            var data = CurvePoints.Create(Log10Scales, Noisy(BrokenLoss, seed), null, null, logScale: true, direction: MetricDirection.LowerIsBetter);
            var fit = CurveFitter.Fit(new BrokenPowerLawForm(1), data);
            double curve = Log10Scales.Max(x => Math.Abs(fit.Predict(x) / BrokenLoss(x) - 1));
            errors.Add((Math.Log10(fit["d1"]) - 8, fit["c1"] - 0.6, fit["a"] - 0.3, curve));
        }
        output.WriteLine($"log10 d1: mean {errors.Average(e => e.D):+0.000;-0.000}, max |error| {errors.Max(e => Math.Abs(e.D)):0.000}");
        output.WriteLine($"c1: mean {errors.Average(e => e.C1):+0.000;-0.000}, max |error| {errors.Max(e => Math.Abs(e.C1)):0.000}");
        output.WriteLine($"a: mean {errors.Average(e => e.A):+0.000;-0.000}, max |error| {errors.Max(e => Math.Abs(e.A)):0.000}");
        output.WriteLine($"curve: max relative error {errors.Max(e => e.Curve):0.0000}");
        Assert.All(errors, e =>
        {
            Assert.InRange(e.D, -0.1, 0.1);
            Assert.InRange(e.C1, -0.12, 0.12);
            Assert.InRange(e.A, -0.06, 0.06);
            // Four times the noise: the fit follows the truth, not the noise.
            Assert.InRange(e.Curve, 0, 0.04);
        });
        Assert.InRange(errors.Average(e => e.D), -0.03, 0.03);
    }

    public static TheoryData<string, CurveClass> LossClasses => new()
    {
        { "power law falling towards 1.5", CurveClass.Smooth },
        { "flat at 2.2, then a broken power law", CurveClass.Emergent },
        { "rising", CurveClass.Inverse },
        { "rising, then falling back", CurveClass.UShaped },
        { "level", CurveClass.Flat },
    };

    [Theory]
    [MemberData(nameof(LossClasses))]
    public void TheClassesReadNaturallyForALoss(string shape, CurveClass expected)
    {
        Func<double, double> truth = shape switch
        {
            "power law falling towards 1.5" => PowerLawLoss,
            "flat at 2.2, then a broken power law" => BrokenLoss,
            "rising" => x => 1 + 0.1 * Math.Pow(10, 0.2 * (x - 6)),
            "rising, then falling back" => x => 2 + 0.8 * Math.Exp(-Math.Pow(x - 8, 2)),
            _ => _ => 2,
        };
        var options = new TaskCurveOptions { Bootstrap = 0, Selection = new() { Extrapolation = false } };
        for (int seed = 0; seed < 10; seed++)
        {
            var result = TaskCurveAnalysis.Analyze(Curve(Noisy(truth, seed)), options);
            Assert.True(expected == result.Class, $"{shape}, seed {seed}: {result.Class.Name()} by {result.Fit.Form.Name}");
        }
    }

    [Fact]
    public void TheHoldoutFitsOnlyTheKeptScalesAndScoresThePredictionOfTheOthers()
    {
        var losses = Noisy(PowerLawLoss, 7);
        // The held-out losses are replaced by far-off values: they must not move the fit, only its score.
        losses[^1] = 9;
        var options = new TaskCurveOptions { Bootstrap = 0, Holdout = 2 };
        var result = TaskCurveAnalysis.Analyze(Curve(losses), options);
        var kept = TaskCurveAnalysis.Analyze(Curve(losses[..^2], log10Scales: Log10Scales[..^2]), options with { Holdout = 0 });

        Assert.Equal(kept.Fit.Form.Name, result.Fit.Form.Name);
        Assert.Equal(kept.Fit.Theta, result.Fit.Theta);
        Assert.Equal(10, result.Data.Count);
        var holdout = result.Holdout!;
        Assert.Equal(Log10Scales[^2..].Select(x => Math.Pow(10, x)), holdout.Scales);
        Assert.Equal(losses[^2..], holdout.Observed);
        Assert.Equal(Log10Scales[^2..].Select(x => result.Fit.Predict(x)), holdout.Predicted);
        // The untouched point is predicted within a few per cent; the replaced one is not.
        Assert.InRange(holdout.Predicted[0] / PowerLawLoss(Log10Scales[^2]), 0.96, 1.04);
        double rmse = Math.Sqrt((Math.Pow(holdout.Observed[0] - holdout.Predicted[0], 2) + Math.Pow(9 - holdout.Predicted[1], 2)) / 2);
        double rmsle = Math.Sqrt((Math.Pow(Math.Log(1 + holdout.Observed[0]) - Math.Log(1 + holdout.Predicted[0]), 2) + Math.Pow(Math.Log(10) - Math.Log(1 + holdout.Predicted[1]), 2)) / 2);
        Assert.Equal(rmse, holdout.Rmse, 12);
        Assert.Equal(rmsle, holdout.Rmsle, 12);
    }

    [Fact]
    public void TheHoldoutCountsScalesNotRowsAndMustLeaveSomeToFit()
    {
        // Two seeds per scale: holding out one scale holds out both of its rows.
        var points = Log10Scales.SelectMany((x, i) => new[] { 0, 1 }.Select(s =>
            new TaskObservation($"m{i}-s{s}", Math.Pow(10, x), "task", "loss", PowerLawLoss(x) * (1 + 0.01 * (s - 0.5)), Direction: MetricDirection.LowerIsBetter)));
        var curve = new TaskCurve("seeds", ScaleVariable.Params, points);
        var result = TaskCurveAnalysis.Analyze(curve, new TaskCurveOptions { Bootstrap = 0, Holdout = 1 });
        Assert.Equal(2, result.Holdout!.Observed.Count);
        Assert.Equal(1, result.Holdout.ScaleCount);
        Assert.Equal(22, result.Data.Count);
        var error = Assert.Throws<InputException>(() => TaskCurveAnalysis.Analyze(curve, new TaskCurveOptions { Bootstrap = 0, Holdout = 12 }));
        Assert.Equal(["holdout"], error.Parameters);
        Assert.Contains("leaves none of its 12 scales to fit", error.Message);
    }

    [Fact]
    public void ALossCurveIsBootstrappedInLogSpaceAndItsIntervalsCoverTheFit()
    {
        var result = TaskCurveAnalysis.Analyze(Curve(Noisy(BrokenLoss, 3)), new TaskCurveOptions { Bootstrap = 100, Seed = 1, Selection = new() { Extrapolation = false } });
        Assert.Equal(CurveClass.Emergent, result.Class);
        Assert.All(result.Bootstrap!.Refits.SelectMany(f => f.Data.Y), y => Assert.True(y > 0));
        var threshold = result.ThresholdInterval!;
        Assert.InRange(threshold.Estimate, threshold.Low, threshold.High);
        // The drop begins about a decade before the break at 10⁸.
        Assert.InRange(Math.Log10(threshold.Estimate), 6.5, 8);
    }
}
