using ScaleSim.Laws;
using ScaleSim.Planning;

namespace ScaleSim.Tests.Planning;

public class ComputePlannerTests
{
    private static readonly ComputePlanner Epoch = ComputePlanner.For(PublishedLaws.Epoch.Law);
    private static readonly ComputePlanner Kaplan = ComputePlanner.For(PublishedLaws.Kaplan.Law);

    [Theory]
    [InlineData(1e18)]
    [InlineData(5.76e23)]
    [InlineData(1e27)]
    public void ClosedFormMatchesABruteForceMinimum(double flops)
    {
        var law = (ChinchillaLaw)PublishedLaws.Epoch.Law;
        double bestN = 0, bestLoss = double.PositiveInfinity;
        for (double logN = 10; logN < Math.Log(flops / 6); logN += 1e-4)
        {
            double n = Math.Exp(logN), loss = law.Loss(n, flops / (6 * n));
            if (loss < bestLoss) (bestN, bestLoss) = (n, loss);
        }
        var optimal = Epoch.Optimal(flops);
        Assert.Equal(1.0, optimal.Params / bestN, 3);
        Assert.True(optimal.Loss <= bestLoss + 1e-12);
    }

    [Fact]
    public void NumericMinimumMatchesTheClosedForm()
    {
        var law = (ChinchillaLaw)PublishedLaws.Hoffmann.Law;
        var numeric = new LawMinimumRule(new OpaqueJointLaw(law));
        foreach (double flops in new[] { 1e15, 1e20, 1e25 })
            Assert.Equal(1.0, numeric.OptimalParams(flops) / new LawMinimumRule(law).OptimalParams(flops), 6);
    }

    [Fact]
    public void ChinchillaIsComputeOptimalAtItsBudgetUnderTheEpochRefit()
    {
        var optimal = Epoch.Optimal(5.76e23);
        Assert.InRange(optimal.Params, 63e9, 77e9);
        Assert.InRange(optimal.TokensPerParam, 15, 25);
    }

    [Fact]
    public void TenTimesComputeSplitsAsEachPaperSays()
    {
        // Kaplan et al. 2020 Table 6 → about 5.5× parameters and 1.8× data; Chinchilla → about 3.3× each.
        var k1 = Kaplan.Optimal(1e22);
        var k10 = Kaplan.Optimal(1e23);
        Assert.Equal(Math.Pow(10, 0.73), k10.Params / k1.Params, 6);
        Assert.Equal(Math.Pow(10, 0.27), k10.Tokens / k1.Tokens, 6);
        var e1 = Epoch.Optimal(1e22);
        var e10 = Epoch.Optimal(1e23);
        Assert.InRange(e10.Params / e1.Params, 3.0, 3.5);
        Assert.InRange(e10.Tokens / e1.Tokens, 2.9, 3.5);
    }

    [Fact]
    public void KaplansOwnLawMinimumScalesAsAlphaDOverTheSum()
    {
        // Minimising [(N_c/N)^(aN/aD) + 6N·D_c/C]^aD over N gives N ∝ C^(aD/(aN+aD)) ≈ C^0.575.
        var law = (KaplanJointLaw)PublishedLaws.Kaplan.Law;
        var rule = new LawMinimumRule(law);
        double slope = Math.Log(rule.OptimalParams(1e24) / rule.OptimalParams(1e20)) / Math.Log(1e4);
        Assert.Equal(law.AlphaD / (law.AlphaN + law.AlphaD), slope, 4);
    }

    [Fact]
    public void TargetLossIsReachedAtTheLeastCompute()
    {
        var plan = Epoch.ForTargetLoss(2.0);
        Assert.Equal(2.0, plan.Loss, 8);
        Assert.True(Epoch.Optimal(plan.Flops * 0.99).Loss > 2.0);
        var error = Assert.Throws<InputException>(() => Epoch.ForTargetLoss(1.5));
        Assert.Contains("irreducible loss", error.Message);
    }

    [Fact]
    public void FixedSizeAndFixedDataInvertTheOptimum()
    {
        var optimal = Epoch.Optimal(3e21);
        var forParams = Epoch.OptimalForParams(optimal.Params);
        var forTokens = Epoch.OptimalForTokens(optimal.Tokens);
        Assert.Equal(1.0, forParams.Flops / 3e21, 8);
        Assert.Equal(1.0, forTokens.Flops / 3e21, 8);
        Assert.Equal(1.0, forParams.Tokens / optimal.Tokens, 8);
    }

    [Fact]
    public void AFixedSplitUsesTheWholeBudget()
    {
        var plan = Epoch.AtParams(1e21, 1e9);
        Assert.Equal(1e21, 6 * plan.Params * plan.Tokens, 1e6);
        Assert.True(plan.Loss >= Epoch.Optimal(1e21).Loss);
    }

    [Fact]
    public void IsoFlopProfileHasItsMinimumAtTheOptimum()
    {
        var profile = Epoch.Profile(1e21, points: 81);
        var lowest = profile.Points.MinBy(p => p.Loss)!;
        Assert.Equal(1.0, lowest.Params / profile.Optimal.Params, 1);
        Assert.All(profile.Points, p => Assert.True(p.Loss >= profile.Optimal.Loss - 1e-12));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void NonPositiveBudgetsAreRefused(double flops)
    {
        var error = Assert.Throws<InputException>(() => Epoch.Optimal(flops));
        Assert.StartsWith("flops must be a positive finite number", error.Message);
        Assert.Equal(["flops"], error.Parameters);
    }

    [Fact]
    public void OneVariableLawsCannotPlan()
    {
        var error = Assert.Throws<InputException>(() => ComputePlanner.For(PublishedLaws.KaplanParams.Law));
        Assert.Contains("kaplan-n", error.Message);
    }

    [Fact]
    public void GopherAndChinchillaCompareAsThePaperReports()
    {
        var rows = ModelComparison.Compare([ReferenceModels.Gopher, ReferenceModels.Chinchilla],
            [("hoffmann", PublishedLaws.Hoffmann.Law), ("epoch", PublishedLaws.Epoch.Law)]);
        foreach (var law in new[] { "hoffmann", "epoch" })
        {
            double gopher = rows.Single(r => r.Model.Name == "gopher" && r.LawName == law).Loss;
            double chinchilla = rows.Single(r => r.Model.Name == "chinchilla" && r.LawName == law).Loss;
            Assert.True(chinchilla < gopher, $"{law}: Chinchilla {chinchilla} should beat Gopher {gopher}");
        }
        Assert.All(rows, r => Assert.True(r.Loss >= r.Optimal.Loss - 1e-12));
    }

    /// <summary>A Chinchilla law the planner cannot recognise, to force the numeric path.</summary>
    private sealed class OpaqueJointLaw(ChinchillaLaw inner) : IJointLossLaw
    {
        public string Kind => "opaque";
        public IReadOnlyList<string> ParameterNames => inner.ParameterNames;
        public IReadOnlyList<double> ParameterValues => inner.ParameterValues;
        public double IrreducibleLoss => inner.E;
        public double Loss(double n, double d) => inner.Loss(n, d);
        public double Loss(ScalePoint x) => inner.Loss(x);
        public void Gradient(ScalePoint x, Span<double> gradient) => inner.Gradient(x, gradient);
    }
}
