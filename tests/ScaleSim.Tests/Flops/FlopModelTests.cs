using ScaleSim.Flops;

namespace ScaleSim.Tests.Flops;

public class FlopModelTests
{
    [Fact]
    public void HoffmannCountMatchesAHandCount()
    {
        // L=1, d=4, heads=2 (key size 2), seq=3, vocab=5, ffw=16.
        var shape = new TransformerShape(Layers: 1, DModel: 4, Heads: 2, Context: 3, Vocab: 5);
        double embeddings = 2 * 3 * 5 * 4;
        double attention = 2 * 3 * 3 * 4 * 4 + 2 * 3 * 3 * 4 + 3 * 2 * 3 * 3 + 2 * 3 * 3 * 4 + 2 * 3 * 4 * 4;
        double dense = 2 * 3 * (4 * 16 + 4 * 16);
        double logits = 2 * 3 * 4 * 5;
        Assert.Equal(embeddings + attention + dense + logits, HoffmannFlops.ForwardFlopsPerSequence(shape));
        Assert.Equal(3 * (embeddings + attention + dense + logits) / 3, FlopModels.Hoffmann.TrainingFlopsPerToken(new ModelSize(1, Shape: shape)));
        Assert.Equal(3 * (embeddings + attention + dense) / 3, FlopModels.HoffmannWithoutLogits.TrainingFlopsPerToken(new ModelSize(1, Shape: shape)));
    }

    [Fact]
    public void HoffmannRatioApproachesOneForLargeModelsAsTableA4Reports()
    {
        // Table A4 cannot be reproduced row by row (it states neither context nor vocabulary; see docs/methods.md), but
        // at 2048 tokens and a 32k vocabulary the exact count of the largest shape (6.8B) is within 4% of 6ND, as printed (0.99).
        var shape = new TransformerShape(Layers: 40, DModel: 3584, Heads: 28, Context: 2048, Vocab: 32000, FfwSize: 14336, KeySize: 128);
        double ratio = FlopModels.Hoffmann.TrainingFlopsPerToken(new ModelSize(6.8e9, Shape: shape)) / (6 * 6.8e9);
        Assert.InRange(ratio, 0.99 - 0.04, 0.99 + 0.04);
    }

    [Fact]
    public void KaplanCountsNonEmbeddingParameters()
    {
        var shape = new TransformerShape(Layers: 2, DModel: 64, Heads: 4, Context: 64, Vocab: 256);
        Assert.Equal(12.0 * 2 * 64 * 64, shape.KaplanNonEmbeddingParams);
        Assert.Equal(6 * shape.KaplanNonEmbeddingParams, FlopModels.Kaplan.TrainingFlopsPerToken(new ModelSize(1e9, Shape: shape)));
        Assert.Equal(6 * shape.KaplanNonEmbeddingParams + 6.0 * 2 * 64 * 64, FlopModels.KaplanWithAttention.TrainingFlopsPerToken(new ModelSize(1e9, Shape: shape)));
        Assert.Equal(6e9, FlopModels.SixN.TrainingFlopsPerToken(ModelSize.FromParameters(1e9)));
    }

    [Fact]
    public void ModelsThatNeedAShapeSaySo()
    {
        var error = Assert.Throws<InputException>(() => FlopModels.Hoffmann.TrainingFlopsPerToken(ModelSize.FromParameters(1e9)));
        Assert.Contains("needs the model shape", error.Message);
        Assert.Throws<InputException>(() => FlopModels.Parse("7nd"));
    }

    [Theory]
    [InlineData(0, 64, 4, 64, 256, "layers")]
    [InlineData(2, 66, 4, 64, 256, "not divisible")]
    [InlineData(2, 64, 4, 0, 256, "context")]
    [InlineData(2, 64, 4, 64, -1, "vocab")]
    public void BadShapesAreRefused(int layers, int d, int heads, int context, int vocab, string expected)
    {
        var error = Assert.Throws<InputException>(() => new TransformerShape(layers, d, heads, context, vocab).Validate());
        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain("--", error.Message);
    }
}
