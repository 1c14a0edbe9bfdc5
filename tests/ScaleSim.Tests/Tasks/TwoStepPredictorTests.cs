using MathNet.Numerics.Distributions;
using ScaleSim.Laws;
using ScaleSim.Tasks;
using ScaleSim.Tasks.Prediction;

namespace ScaleSim.Tests.Tasks;

/// <summary>The two-step forecast recovers a known loss law and loss-to-score sigmoid, and predicts a held-out model.</summary>
public class TwoStepPredictorTests
{
    // Task NLL L(C) = 0.6 + (3e19/C)^0.12 and accuracy 0.25 + 0.7·σ(−12·(L − 1.1)).
    private static double Loss(double c) => 0.6 + Math.Pow(3e19 / c, 0.12);

    private static double Score(double loss) => 0.25 + 0.7 / (1 + Math.Exp(12 * (loss - 1.1)));

    private static TaskCurve Curve(int seed)
    {
        var random = new Random(seed);
        var points = Enumerable.Range(0, 10).Select(i =>
        {
            double c = Math.Pow(10, 19 + 6 * i / 9.0);
            double loss = Loss(c) * Math.Exp(0.005 * Normal.Sample(random, 0, 1));
            double score = Binomial.Sample(random, Score(Loss(c)), 1000) / 1000.0;
            return new TaskObservation($"m{i}", c, "arc", "accuracy", score, 0.25, 1000, null, loss);
        });
        return new TaskCurve("synthetic", ScaleVariable.Flops, points);
    }

    [Fact]
    public void TheHeldOutLargestModelIsPredictedWithinItsInterval()
    {
        int inside = 0;
        for (int seed = 0; seed < 10; seed++)
        {
            var prediction = TwoStepPredictor.Predict(Curve(seed), targetFlops: null, holdOutLargest: true, resamples: 100, seed: seed);
            Assert.Equal(1e25, prediction.TargetFlops, 1e12);
            Assert.InRange(prediction.Loss.Estimate, Loss(1e25) - 0.03, Loss(1e25) + 0.03);
            Assert.InRange(prediction.Score.Estimate, Score(Loss(1e25)) - 0.05, Score(Loss(1e25)) + 0.05);
            if (prediction.Score.Low <= prediction.ObservedScore && prediction.ObservedScore <= prediction.Score.High) inside++;
        }
        Assert.True(inside >= 8, $"observed score inside the interval in {inside}/10 seeds");
    }

    [Fact]
    public void ATableOnParametersIsRefusedWithTheReason()
    {
        var curve = new TaskCurve("t.csv", ScaleVariable.Params, [new TaskObservation("a", 1e9, "arc", "acc", 0.3, Loss: 1)]);
        var error = Assert.Throws<InputException>(() => TwoStepPredictor.Predict(curve, 1e24, false));
        Assert.Contains("two-step prediction needs training FLOPs as the scale", error.Message);
    }
}
