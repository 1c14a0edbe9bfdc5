using ScaleSim.Laws;
using ScaleSim.Tasks.Artifacts;
using ScaleSim.Tasks.Classification;

namespace ScaleSim.Tests.Tasks;

/// <summary>The p^L identity, and the metric artifact it produces.</summary>
public class TokenMetricsTests
{
    [Theory]
    [InlineData(0.9, 1)]
    [InlineData(0.9, 5)]
    [InlineData(0.5, 10)]
    [InlineData(0.999, 100)]
    public void ExactMatchIsTokenAccuracyToTheLength(double p, int length)
    {
        Assert.Equal(Math.Pow(p, length), TokenMetrics.ExactMatch(p, length), 15);
        Assert.Equal(p, TokenMetrics.PartialCredit(p, length));
        // In logs the exact match is linear in the length: ln EM = L·ln p.
        Assert.Equal(length * Math.Log(p), Math.Log(TokenMetrics.ExactMatch(p, length)), 12);
    }

    [Fact]
    public void SimulatedSequencesOfIndependentTokensMatchPToTheL()
    {
        var random = new Random(7);
        const double p = 0.8;
        const int length = 6, sequences = 200_000;
        int exact = 0;
        long tokensRight = 0;
        for (int s = 0; s < sequences; s++)
        {
            int right = 0;
            for (int t = 0; t < length; t++) if (random.NextDouble() < p) right++;
            tokensRight += right;
            if (right == length) exact++;
        }
        double se = Math.Sqrt(Math.Pow(p, length) * (1 - Math.Pow(p, length)) / sequences);
        Assert.InRange((double)exact / sequences, TokenMetrics.ExactMatch(p, length) - 4 * se, TokenMetrics.ExactMatch(p, length) + 4 * se);
        Assert.InRange((double)tokensRight / (sequences * length), p - 0.003, p + 0.003);
    }

    [Fact]
    public void TokenAccuracyIsTheProbabilityOfTheRightToken() => Assert.Equal(Math.Exp(-0.25), TokenMetrics.TokenAccuracy(0.25), 15);

    [Fact]
    public void TheSameSmoothImprovementLooksEmergentUnderExactMatch()
    {
        var models = MetricArtifact.PowerLawTokenLoss(2e7, 0.3, 1e7, 1e12, 11).Select(m => (m.Model, m.Scale, (double?)m.TokenLoss, (double?)null)).ToList();
        var result = MetricArtifact.Analyze("toy", ScaleVariable.Params, models, [10], examples: 500, seed: 3);
        Assert.Equal(CurveClass.Smooth, result.PartialCredit.Class);
        Assert.Equal(CurveClass.Emergent, result.ExactMatch[0].Class);
        Assert.All(result.Points, p => Assert.Equal(Math.Pow(p.TokenAccuracy, 10), p.ExactMatch[0], 15));
    }
}
