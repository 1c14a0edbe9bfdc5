using ScaleSim.Laws;

namespace ScaleSim.Tests.Laws;

public class DataConstrainedLawTests
{
    private static readonly DataConstrainedLaw Muennighoff = (DataConstrainedLaw)PublishedLaws.Muennighoff.Law;

    [Fact]
    public void MuennighoffsPublishedCheckValuesAreReproduced()
    {
        // The two models of their Figure 1 (right), as the datablations README prints them.
        Assert.Equal(2.2256440889984477, Muennighoff.Loss(6.34e9, 242e9, 25e9), 13);
        Assert.Equal(2.2269634075087867, Muennighoff.Loss(8.67e9, 178e9, 25e9), 13);
    }

    [Fact]
    public void PublishedConstantsRoundToThePapersValues()
    {
        Assert.Equal(520.82, Muennighoff.A, 2);
        Assert.Equal(1487.72, Muennighoff.B, 2);
        Assert.Equal(1.8691, Muennighoff.E, 4);
        Assert.Equal(Muennighoff.Alpha, Muennighoff.Beta);
    }

    [Theory]
    [InlineData(1e9, 2e10)]
    [InlineData(7e10, 1.4e12)]
    [InlineData(3e8, 1e12)]
    public void UniqueTokensAtOrAboveDMatchTheUnconstrainedLaw(double n, double d)
    {
        double unconstrained = Muennighoff.Loss(n, d);
        Assert.Equal(unconstrained, Muennighoff.Loss(n, d, d), 14);
        Assert.Equal(unconstrained, Muennighoff.Loss(n, d, 10 * d), 14);
        Assert.Equal(unconstrained, Muennighoff.Loss(new ScalePoint(n, d, double.NaN) { UniqueTokens = 1e30 }), 14);
        // Below the size the data supports, it is the plain Chinchilla form with the same constants.
        if (n <= Muennighoff.ParamsForTokens(d)) Assert.Equal(Muennighoff.Chinchilla.Loss(n, d), unconstrained, 14);
    }

    [Fact]
    public void RepeatingDataHelpsLessThanFreshData()
    {
        double fresh = Muennighoff.Loss(1e9, 1e11, 1e11);
        double fourEpochs = Muennighoff.Loss(1e9, 1e11, 2.5e10);
        double fortyEpochs = Muennighoff.Loss(1e9, 1e11, 2.5e9);
        Assert.True(fresh < fourEpochs && fourEpochs < fortyEpochs);
        // Four epochs cost little; forty a lot more (the paper's headline finding).
        Assert.True(fourEpochs - fresh < 0.25 * (fortyEpochs - fresh));
        // Effective data saturates at U·(1 + R_D*).
        var t = Muennighoff.Terms(1e9, 1e15, 1e9);
        Assert.Equal(1e9 * (1 + Muennighoff.RStarD), t.EffectiveTokens, 1e9 * 1e-6);
    }

    [Fact]
    public void ParamsForTokensInvertsTheChinchillaAllocation()
    {
        var planner = new ScaleSim.Planning.ComputePlanner(Muennighoff.Chinchilla, new ScaleSim.Planning.LawMinimumRule(Muennighoff.Chinchilla));
        var optimal = planner.Optimal(1e22);
        Assert.Equal(1.0, Muennighoff.ParamsForTokens(optimal.Tokens) / optimal.Params, 10);
    }

    [Theory]
    [InlineData(6.34e9, 242e9, 25e9)]   // repeated data, excess parameters
    [InlineData(1e8, 5e10, 1e9)]        // repeated data, model small enough for the data
    [InlineData(1e9, 2e10, 1e12)]       // no repetition
    public void AnalyticGradientMatchesFiniteDifferences(double n, double d, double u)
    {
        double[] p = [1.8691, 520.82, 1487.72, 0.35, 0.33, 15.4, 5.3];
        var point = new ScalePoint(n, d, double.NaN) { UniqueTokens = u };
        var analytic = new double[p.Length];
        new DataConstrainedLaw(p[0], p[1], p[2], p[3], p[4], p[5], p[6]).Gradient(point, analytic);
        var numeric = FiniteDifference.Gradient(q => new DataConstrainedLaw(q[0], q[1], q[2], q[3], q[4], q[5], q[6]).Loss(point), p);
        FiniteDifference.AssertClose(numeric, analytic, relativeTolerance: 1e-5, absoluteTolerance: 1e-12);
    }

    [Fact]
    public void LawFilesRoundTrip()
    {
        ILossLaw[] laws = [Muennighoff, new FineGrainedMoeLaw(0.5, 18, 0.12, 30, 0.15, 2, 0.6), new RoutedLaw(-0.08, -0.1, 0.01, 1.1)];
        foreach (var law in laws)
            Assert.Equal(law.ParameterValues, LawFile.FromJson(LawFile.ToJson(law), "test").ParameterValues);
    }
}
