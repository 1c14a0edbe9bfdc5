using System.Runtime.Intrinsics;
using ScaleSim.Training.Backends.Cpu;

namespace ScaleSim.Training.Tests.Backends;

public class VectorMathTests
{
    [Fact]
    public void ExpIsAccurateToAFewUlpsOverTheFloatRange()
    {
        var rng = new Xoshiro256(1);
        double worst = 0;
        for (int i = 0; i < 20000; i++)
        {
            var x = new float[16];
            for (int l = 0; l < 16; l++) x[l] = (float)(-87 + 175 * rng.NextDouble());
            var y = VectorMath.Exp(Vector512.Create(x));
            for (int l = 0; l < 16; l++) worst = Math.Max(worst, Math.Abs(y[l] / Math.Exp(x[l]) - 1));
        }
        Assert.True(worst < 4e-7, $"worst relative error {worst}");
    }

    [Fact]
    public void ExpHandlesTheEnds()
    {
        var y = VectorMath.Exp(Vector512.Create(float.NegativeInfinity, -100f, -87.5f, 0f, 1f, 88.5f, 89f, float.PositiveInfinity, -1f, -2f, 2f, 10f, -10f, 50f, -50f, 0.5f));
        Assert.Equal(0f, y[0]);
        Assert.Equal(0f, y[1]);
        Assert.Equal(0f, y[2]);
        Assert.Equal(1f, y[3]);
        Assert.Equal(MathF.E, y[4], 6);
        Assert.Equal(Math.Exp(88.5), y[5], Math.Exp(88.5) * 1e-6);
        Assert.Equal(float.PositiveInfinity, y[6]);
        Assert.Equal(float.PositiveInfinity, y[7]);
    }
}
