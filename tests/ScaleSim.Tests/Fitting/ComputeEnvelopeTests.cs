using ScaleSim.Fitting;

namespace ScaleSim.Tests.Fitting;

public class ComputeEnvelopeTests
{
    [Fact]
    public void KeepsOnlyRunsNoCheaperRunBeats()
    {
        double[] flops = [1, 2, 2, 3, 4, 5];
        double[] loss = [5, 4, 4.5, 4.2, 3, 3.5];
        Assert.Equal([0, 1, 4], ComputeEnvelope.Indices(flops, loss));
    }
}
