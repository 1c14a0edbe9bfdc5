using ScaleSim.Laws;
using ScaleSim.Planning;

namespace ScaleSim.Tests.Planning;

public class SmallModelOverheadTests
{
    [Theory]
    [InlineData("hoffmann")]
    [InlineData("epoch")]
    public void NumericOverheadMatchesTheClosedForm(string name)
    {
        var law = (ChinchillaLaw)PublishedLaws.Find(name)!.Law;
        var overhead = new SmallModelOverhead(law);
        foreach (var row in overhead.At(1e23, [1.0, 0.75, 0.5, 0.3]))
            Assert.Equal(SmallModelOverhead.ChinchillaComputeRatio(law, row.SizeFraction), row.Overhead + 1, 8);
        // The compute-optimal model has no overhead, and the ratio does not depend on the budget.
        Assert.Equal(0, overhead.At(1e20, [1.0])[0].Overhead, 9);
        Assert.Equal(overhead.At(1e20, [0.5])[0].Overhead, overhead.At(1e25, [0.5])[0].Overhead, 8);
    }

    [Fact]
    public void DeVriesCriticalSizeIsAboutThirtyPercentForAboutDoubleTheCompute()
    {
        // de Vries (2023): "the critical model size is around 30% of the Chinchilla optimal model and leads to a 100% compute overhead".
        var overhead = new SmallModelOverhead(PublishedLaws.Hoffmann.Law as IJointLossLaw ?? throw new InvalidOperationException());
        var row = overhead.At(1e23, [0.3])[0];
        Assert.InRange(row.Overhead, 0.9, 1.2);
        double critical = overhead.CriticalSizeFraction(1e23);
        Assert.False(overhead.At(1e23, [critical * 0.99])[0].Reachable);
        Assert.True(overhead.At(1e23, [critical * 1.01])[0].Reachable);
    }

    [Fact]
    public void NumericCriticalSizeAgreesWithTheClosedForm()
    {
        var law = (ChinchillaLaw)PublishedLaws.Epoch.Law;
        var opaque = new DataConstrainedLaw(law.E, law.A, law.B, law.Alpha, law.Beta, 15, 5);
        Assert.Equal(new SmallModelOverhead(law).CriticalSizeFraction(1e22), new SmallModelOverhead(opaque).CriticalSizeFraction(1e22), 6);
    }
}
