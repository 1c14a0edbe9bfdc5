using ScaleSim.Laws;

namespace ScaleSim.Tests.Laws;

public class MoeLawTests
{
    /// <summary>A routed law of the bilinear form with coefficients of plausible sign and size (not published constants).</summary>
    private static readonly RoutedLaw Routed = new(A: -0.08, B: -0.1, C: 0.008, D: 1.1);

    [Fact]
    public void FineGrainedLawEvaluatesItsEquation()
    {
        var law = new FineGrainedMoeLaw(C: 0.5, A: 18, Alpha: 0.12, B: 30, Beta: 0.15, G: 2, Gamma: 0.6);
        double expected = 0.5 + (2 / Math.Pow(8, 0.6) + 18) / Math.Pow(1e9, 0.12) + 30 / Math.Pow(2e10, 0.15);
        Assert.Equal(expected, law.Loss(1e9, 2e10, 8), 12);
        Assert.True(law.Loss(1e9, 2e10, 16) < law.Loss(1e9, 2e10, 1));
    }

    [Fact]
    public void GradientsMatchFiniteDifferences()
    {
        double[] fine = [0.5, 18, 0.12, 30, 0.15, 2, 0.6];
        var point = new ScalePoint(3e8, 6e9, double.NaN) { Granularity = 8, Experts = 64 };
        var analytic = new double[fine.Length];
        new FineGrainedMoeLaw(fine[0], fine[1], fine[2], fine[3], fine[4], fine[5], fine[6]).Gradient(point, analytic);
        FiniteDifference.AssertClose(
            FiniteDifference.Gradient(p => new FineGrainedMoeLaw(p[0], p[1], p[2], p[3], p[4], p[5], p[6]).Loss(point), fine), analytic, 1e-6);

        double[] routed = [-0.08, -0.1, 0.008, 1.1];
        analytic = new double[routed.Length];
        new RoutedLaw(routed[0], routed[1], routed[2], routed[3]).Gradient(point, analytic);
        FiniteDifference.AssertClose(
            FiniteDifference.Gradient(p => new RoutedLaw(p[0], p[1], p[2], p[3]).Loss(point), routed), analytic, 1e-6);
    }

    [Theory]
    [InlineData(1e8, 8)]
    [InlineData(1.3e9, 64)]
    [InlineData(1e11, 512)]
    public void EffectiveParameterCountIsTheDenseModelWithTheSameLoss(double n, double experts)
    {
        var law = Routed;
        double dense = law.EffectiveParams(n, experts);
        Assert.Equal(law.Loss(n, experts), law.Loss(dense, 1), 12);
        Assert.Equal(n, law.EffectiveParams(n, 1), n * 1e-12);
    }
}
