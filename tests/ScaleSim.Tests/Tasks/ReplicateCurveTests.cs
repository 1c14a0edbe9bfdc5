using ScaleSim.Laws;
using ScaleSim.Tasks;
using ScaleSim.Tasks.Curves;

namespace ScaleSim.Tests.Tasks;

/// <summary>Curves with several scores per scale (seeds): the scatter between them enters the weights and the intervals.</summary>
public class ReplicateCurveTests
{
    [Fact]
    public void WeightsAddTheScatterBetweenScoresOfOneScaleToTheBinomialVariance()
    {
        var data = CurvePoints.Create([1, 1, 2], [0.3, 0.9, 0.5], [1000, 1000, 1000], floor: null, logScale: true);
        double scatter = (0.3 * 0.3 + 0.3 * 0.3) / 1;  // sample variance of {0.3, 0.9}
        Assert.Equal(scatter, data.ScatterVariance[0], 12);
        Assert.Equal(scatter, data.ScatterVariance[1], 12);
        Assert.Equal(0, data.ScatterVariance[2]);
        static double Binomial(double y) { double p = (y * 1000 + 0.5) / 1001; return p * (1 - p) / 1000; }
        Assert.Equal(1 / (Binomial(0.3) + scatter), data.Weights[0], 9);
        Assert.Equal(1 / Binomial(0.5), data.Weights[2], 9);
        Assert.Equal(2, data.MedianReplicates());
        Assert.Equal(scatter, data.Subset([1, 2]).ScatterVariance[0], 12);
    }

    [Fact]
    public void SeedScatterWidensTheThresholdIntervalAndSeedsAtOneDoNotDominateTheFit()
    {
        // Eight sizes, four seeds each, 5000 examples per score. The seeds' mean rises as a logistic from chance 0.5;
        // in the scattered version, at every size from the fourth on, one seed has reached 1 and the others sit
        // below the mean.
        var options = new TaskCurveOptions { Bootstrap = 200, Seed = 3, Selection = new() { Extrapolation = false }, Form = "sigmoid" };
        double Mean(int i) => 0.5 + 0.4 / (1 + Math.Exp(-1.5 * (i - 3.5)));
        TaskCurve Curve(bool scattered) => new("test", ScaleVariable.Params, Enumerable.Range(0, 8).SelectMany(i => Enumerable.Range(0, 4).Select(s =>
        {
            double m = Mean(i), top = 1.0, rest = (4 * m - top) / 3;
            double y = !scattered || i < 3 ? m : s == 0 ? top : rest;
            return new TaskObservation($"m{i}-s{s}", Math.Pow(10, 6 + 0.5 * i), "t", "accuracy", y, Chance: 0.5, Examples: 5000);
        })));
        var tight = TaskCurveAnalysis.Analyze(Curve(false), options);
        var loose = TaskCurveAnalysis.Analyze(Curve(true), options);
        Assert.NotNull(tight.ThresholdInterval);
        Assert.NotNull(loose.ThresholdInterval);
        double Width(TaskCurveResult r) => Math.Log10(r.ThresholdInterval!.High / r.ThresholdInterval.Low);
        Assert.True(Width(loose) > 5 * Width(tight), $"interval widths {Width(loose):F3} and {Width(tight):F3} decades");

        // The fit follows the seed means, not the seeds that scored 1.
        var fitted = loose.Fit.Predict(loose.Data.ScaleGroups().Select(g => loose.Data.X[g[0]]).ToArray());
        for (int i = 0; i < 8; i++) Assert.InRange(fitted[i] - Mean(i), -0.06, 0.06);
    }
}
