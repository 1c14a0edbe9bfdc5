using ScaleSim.Flops;
using ScaleSim.Training.Model;
using ScaleSim.Training.Optimization;

namespace ScaleSim.Training.Tests.Model;

public class ModelTests
{
    [Theory]
    [InlineData(2, 64, 4, 64, 256, 120576)]
    [InlineData(4, 128, 4, 64, 256, 834304)]
    public void ParameterCountMatchesThePyTorchPeer(int l, int d, int h, int t, int v, long peer)
    {
        // The counts torch_gpt_peer.py prints for these shapes.
        var model = new TinyGpt(l, d, h, t, v);
        Assert.Equal(peer, model.Parameters);
        Assert.Equal(peer, new ParameterLayout(model).Count);
        Assert.Equal(peer - (long)v * d - (long)t * d, model.NonEmbeddingParameters);
    }

    [Fact]
    public void FlopsComeFromThePlannersModels()
    {
        var model = new TinyGpt(2, 64, 4, 64, 256);
        var flops = model.TrainingFlopsPerTokenByModel();
        Assert.Equal(FlopModels.All.Select(m => m.Name), flops.Keys);
        Assert.Equal(6.0 * model.Parameters, flops["6nd"]);
        Assert.Equal(6.0 * model.NonEmbeddingParameters, flops["kaplan"]);
        Assert.Equal(HoffmannFlops.ForwardFlopsPerSequence(model.Shape) * 3 / 64, flops["hoffmann"], 6);
    }

    [Fact]
    public void LayoutTilesTheFlatVector()
    {
        var layout = new ParameterLayout(new TinyGpt(3, 32, 2, 16, 50));
        int next = 0;
        foreach (var t in layout.Tensors)
        {
            Assert.Equal(next, t.Offset);
            next += t.Length;
        }
        Assert.Equal(layout.Count, next);
        Assert.Equal(layout.QkvWeight.Offset + 2 * 96 * 32, layout.QkvWeight.OffsetOf(2));
        Assert.True(layout.MlpDownWeight.WeightDecay);
        Assert.False(layout.MlpDownBias.WeightDecay);
        Assert.False(layout.Ln1Weight.WeightDecay);
    }

    [Fact]
    public void InitialisationIsGpt2sAndSeeded()
    {
        var layout = new ParameterLayout(new TinyGpt(4, 64, 4, 32, 100));
        var p = new float[layout.Count];
        GptInitializer.Initialize(layout, p, seed: 1);
        double Std(ParameterTensor t) => Math.Sqrt(p.Skip(t.Offset).Take(t.Length).Average(x => (double)x * x));
        Assert.Equal(0.02, Std(layout.QkvWeight), 0.001);
        Assert.Equal(0.02, Std(layout.TokenEmbedding), 0.001);
        Assert.Equal(0.02 / Math.Sqrt(8), Std(layout.MlpDownWeight), 0.0005);
        Assert.Equal(0.02 / Math.Sqrt(8), Std(layout.AttentionProjectionWeight), 0.0005);
        Assert.All(p.Skip(layout.Ln1Weight.Offset).Take(layout.Ln1Weight.Length), x => Assert.Equal(1f, x));
        Assert.All(p.Skip(layout.QkvBias.Offset).Take(layout.QkvBias.Length), x => Assert.Equal(0f, x));
        var again = new float[layout.Count];
        GptInitializer.Initialize(layout, again, seed: 1);
        Assert.Equal(p, again);
        GptInitializer.Initialize(layout, again, seed: 2);
        Assert.NotEqual(p, again);
    }

    [Fact]
    public void InvalidShapesNameTheOption()
    {
        Assert.Contains("d_model 30 is not divisible by heads 4", Assert.Throws<InputException>(() => new TinyGpt(1, 30, 4, 8, 8).Validate()).Message);
        Assert.Contains("layers must be positive", Assert.Throws<InputException>(() => new TinyGpt(0, 32, 4, 8, 8).Validate()).Message);
        Assert.Contains("context must be positive", Assert.Throws<InputException>(() => new TinyGpt(1, 32, 4, -1, 8).Validate()).Message);
    }

    [Fact]
    public void ScheduleWarmsUpThenDecaysToTenPercentOnTheLastStep()
    {
        var s = new LearningRateSchedule(1.0, 1000);
        Assert.Equal(50, s.WarmupSteps);
        Assert.Equal(1.0 / 50, s.At(0), 12);
        Assert.Equal(1.0, s.At(49), 12);
        Assert.Equal(1.0, s.At(50), 12);
        Assert.Equal(0.55, s.At(50 + 949 / 2), 2);
        Assert.Equal(0.1, s.At(999), 12);
        for (long i = 51; i < 1000; i++) Assert.True(s.At(i) <= s.At(i - 1));
        Assert.Equal(1.0, new LearningRateSchedule(1.0, 1).At(0), 12);
    }

    [Fact]
    public void WidthRuleIsHalfOverDModel()
    {
        Assert.Equal(0.5 / 64, LearningRateRule.Default.PeakFor(new TinyGpt(2, 64, 4, 64, 64)), 15);
        Assert.Equal(0.25 / 32, new LearningRateRule(0.25).PeakFor(new TinyGpt(2, 32, 2, 64, 64)), 15);
    }
}
