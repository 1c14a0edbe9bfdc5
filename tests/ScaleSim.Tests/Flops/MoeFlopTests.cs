using ScaleSim.Flops;

namespace ScaleSim.Tests.Flops;

public class MoeFlopTests
{
    [Fact]
    public void FineGrainedFlopsMatchAHandCount()
    {
        // 2 blocks, d_model 8, 2 heads (d_attn 8), d_ff 32; E = 4, G = 2: 8 experts of width 16 per layer.
        var shape = new TransformerShape(Layers: 2, DModel: 8, Heads: 2, Context: 16, Vocab: 50);
        var layout = new ExpertLayout(ExpansionRate: 4, Granularity: 2);
        double activePerBlock = 4 * 8 * 8 + 2 * 8 * 32;      // QKVO + one dense FFN's worth = 12·d² = 768
        double routerPerBlock = 8 * 4 * 2;                    // d_model × E·G = 64
        double expected = 2 * (6 * activePerBlock + 14 * routerPerBlock);
        Assert.Equal(expected, new FineGrainedMoeFlops(layout).TrainingFlopsPerToken(new ModelSize(1, Shape: shape)));

        double totalPerBlock = 4 * 8 * 8 + 4 * (2 * 8 * 32) + routerPerBlock;   // attention + E dense FFNs + router
        Assert.Equal(2 * totalPerBlock, layout.TotalParams(shape));
        Assert.Equal(2 * activePerBlock, ExpertLayout.ActiveParams(shape));
    }

    [Fact]
    public void ContinuousShapeAgreesWithTheDiscreteOneAtAnExactShape()
    {
        // d = 512 at aspect ratio 64 is 8 blocks: N = 12·512²·8.
        var layout = new ExpertLayout(64, 8);
        var flops = new FineGrainedMoeFlops(layout);
        var shape = new TransformerShape(Layers: 8, DModel: 512, Heads: 8, Context: 1024, Vocab: 32000);
        double n = 12.0 * 512 * 512 * 8;
        Assert.Equal(flops.TrainingFlopsPerToken(new ModelSize(n, Shape: shape)), flops.FlopsPerToken(n, 64), 1e-6 * n);
        Assert.Equal(layout.TotalParams(shape), flops.TotalParams(n, 64), 1e-6 * n);
    }

    [Fact]
    public void ADenseLayoutCostsSixNPlusItsRouter()
    {
        var flops = new FineGrainedMoeFlops(new ExpertLayout(1));
        Assert.True(flops.FlopsPerToken(1e9, 64) > 6e9);
        Assert.True(flops.FlopsPerToken(1e9, 64) < 6e9 * 1.001);
    }

    [Theory]
    [InlineData(0, 1, "expansion_rate")]
    [InlineData(8, 0.5, "granularity")]
    [InlineData(double.NaN, 1, "expansion_rate")]
    public void BadLayoutsAreRefused(double experts, double granularity, string expected)
    {
        var error = Assert.Throws<InputException>(() => new ExpertLayout(experts, granularity).Validate());
        Assert.Contains(expected, error.Message);
    }
}
