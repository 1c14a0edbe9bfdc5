using ScaleSim.Flops;
using ScaleSim.Laws;
using ScaleSim.Reconciliation;

namespace ScaleSim.Tests.Reconciliation;

public class ReconciliationTests
{
    [Theory]
    [InlineData("epoch")]
    [InlineData("hoffmann")]
    public void NonEmbeddingCountingAtKaplansScaleGivesKaplansExponent(string name)
    {
        var law = (ChinchillaLaw)PublishedLaws.Find(name)!.Law;
        var r = KaplanChinchillaReconciliation.Run(name, law);
        // Pearce & Song (2024): about 0.73-0.78 with non-embedding N at 1e13-5e20 FLOPs, against ~0.5 with total N at scale.
        Assert.InRange(r.NonEmbeddingKaplanRange, 0.73, 0.78);
        Assert.Equal(law.ParamsExponent, r.TotalKaplanRange, 6);
        Assert.Equal(law.ParamsExponent, r.TotalLargeScale, 6);
        Assert.InRange(r.TotalLargeScale, 0.45, 0.53);
        // At large scale the embeddings stop mattering and the non-embedding exponent falls towards Chinchilla's.
        Assert.InRange(r.NonEmbeddingLargeScale, law.ParamsExponent, r.NonEmbeddingKaplanRange);
        // The local exponent runs between beta/(alpha/3 + beta) for tiny models and beta/(alpha + beta) for huge ones.
        var frontier = new ConventionFrontier(law, FixedAspectFamily.PearceSong);
        Assert.Equal(r.SmallScaleLimit, frontier.LocalExponent(1), 2);
        Assert.Equal(r.LargeScaleLimit, frontier.LocalExponent(1e16), 2);
    }

    [Fact]
    public void NumericFrontierAgreesWithPearceAndSongsAnalyticFrontier()
    {
        var frontier = new ConventionFrontier((ChinchillaLaw)PublishedLaws.Epoch.Law, FixedAspectFamily.PearceSong);
        foreach (double n in new[] { 1e4, 1e6, 1e8, 1e10 })
        {
            double c = frontier.NonEmbeddingFlopsAtOptimum(n);
            Assert.Equal(1.0, frontier.OptimalParams(c, ParameterConvention.NonEmbedding) / n, 5);
            // The local exponent is the slope of the analytic frontier.
            double h = 1e-4, slope = 2 * h / (Math.Log(frontier.NonEmbeddingFlopsAtOptimum(n * Math.Exp(h))) - Math.Log(frontier.NonEmbeddingFlopsAtOptimum(n * Math.Exp(-h))));
            Assert.Equal(slope, frontier.LocalExponent(n), 5);
        }
    }

    [Fact]
    public void PorianStepsWalkFromKaplanToChinchilla()
    {
        Assert.Equal([0.835, 0.706, 0.602, 0.571, 0.497], PorianSteps.All.Select(s => s.Exponent));
        Assert.Contains("Last-layer", PorianSteps.All[1].Fix);
    }
}
