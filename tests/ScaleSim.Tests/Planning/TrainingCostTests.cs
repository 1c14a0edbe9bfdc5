using ScaleSim.Hardware;
using ScaleSim.Planning;

namespace ScaleSim.Tests.Planning;

public class TrainingCostTests
{
    [Fact]
    public void ChinchillaOnA100sTakesAboutAMillionGpuHours()
    {
        // 5.76e23 FLOPs at 40% of 312 TFLOP/s: 5.76e23 / 1.248e14 / 3600 = 1.28e6 GPU-hours.
        var cost = TrainingCost.Of(5.76e23, Accelerators.Find("a100").PeakFlopsPerSecond, 0.4, 1024);
        Assert.Equal(5.76e23 / (312e12 * 0.4) / 3600, cost.AcceleratorHours, 1e-6);
        Assert.Equal(cost.AcceleratorHours / 1024 / 24, cost.WallClockDays!.Value, 1e-9);
    }

    [Fact]
    public void HoursScaleInverselyWithUtilisationAndPeak()
    {
        var a = TrainingCost.Of(1e22, 1e15, 0.5);
        var b = TrainingCost.Of(1e22, 2e15, 0.25);
        Assert.Equal(a.AcceleratorHours, b.AcceleratorHours, 1e-9);
        Assert.Null(a.WallClockDays);
        Assert.Equal(2 * a.AcceleratorHours, TrainingCost.Of(2e22, 1e15, 0.5).AcceleratorHours, 1e-9);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void RefusesAnUtilisationOutsideZeroToOne(double mfu)
    {
        var e = Assert.Throws<InputException>(() => TrainingCost.Of(1e22, 1e15, mfu));
        Assert.Equal("mfu", e.Parameters.Single());
    }

    [Fact]
    public void KnowsTheCommonAcceleratorsByNameAndAlias()
    {
        Assert.Same(Accelerators.Find("h100-sxm"), Accelerators.Find("H100"));
        Assert.All(Accelerators.All, a => Assert.False(string.IsNullOrWhiteSpace(a.Source)));
        Assert.All(Accelerators.All, a => Assert.InRange(a.PeakFlopsPerSecond, 1e13, 1e16));
        var e = Assert.Throws<InputException>(() => Accelerators.Find("abacus"));
        Assert.Contains("h100-sxm", e.Message);
    }
}
