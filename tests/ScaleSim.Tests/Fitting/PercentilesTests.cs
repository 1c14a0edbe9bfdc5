using ScaleSim.Fitting;

namespace ScaleSim.Tests.Fitting;

public class PercentilesTests
{
    private static readonly double[] OneToForty = Enumerable.Range(1, 40).Select(i => (double)i).ToArray();

    [Theory]
    // Type 8: h = (n + 1/3)·p + 1/3, x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋ + 1] − x[⌊h⌋]); for the values 1..n that is h itself.
    [InlineData(0.025, 1.3416666666666666)]
    [InlineData(0.975, 39.658333333333333)]
    [InlineData(0.5, 20.5)]
    public void InterpolatedIsMathNetsTypeEight(double p, double expected) =>
        Assert.Equal(expected, Percentiles.Interpolated(OneToForty, p), 12);

    [Fact]
    public void InterpolatedClampsToTheExtremesAndIsNaNWithoutSamples()
    {
        double[] sorted = [10, 20, 30, 40];
        Assert.Equal(10, Percentiles.Interpolated(sorted, 0.025)); // h = 0.44
        Assert.Equal(85.0 / 6, Percentiles.Interpolated(sorted, 0.25), 12); // h = 17/12: 10 + (5/12)·10
        Assert.Equal(40, Percentiles.Interpolated(sorted, 0.975)); // h = 4.56
        Assert.True(double.IsNaN(Percentiles.Interpolated([], 0.5)));
    }

    [Fact]
    public void InterpolatedIsUndefinedNextToMinusInfinity()
    {
        // h = 4/3 interpolates between −∞ and 1: −∞ + (1/3)·∞. This is why task curves use the order statistic.
        Assert.True(double.IsNaN(Percentiles.Interpolated([double.NegativeInfinity, 1, 2], 0.3)));
        Assert.Equal(double.PositiveInfinity, Percentiles.Interpolated([1, 2, double.PositiveInfinity], 0.6));
    }

    [Theory]
    // Type 1: x at rank ⌈p·n⌉, clamped to [1, n].
    [InlineData(0.0, 10)]
    [InlineData(0.025, 10)]
    [InlineData(0.25, 10)]
    [InlineData(0.26, 20)]
    [InlineData(0.5, 20)]
    [InlineData(0.51, 30)]
    [InlineData(0.975, 40)]
    [InlineData(1.0, 40)]
    public void OrderStatisticIsTypeOne(double p, double expected) =>
        Assert.Equal(expected, Percentiles.OrderStatistic([10, 20, 30, 40], p));

    [Fact]
    public void OrderStatisticReturnsInfiniteSamples()
    {
        double[] sorted = [double.NegativeInfinity, 1, 2, 3, double.PositiveInfinity];
        Assert.Equal(double.NegativeInfinity, Percentiles.OrderStatistic(sorted, Percentiles.Lower95));
        Assert.Equal(2, Percentiles.OrderStatistic(sorted, 0.5));
        Assert.Equal(double.PositiveInfinity, Percentiles.OrderStatistic(sorted, Percentiles.Upper95));
    }

    [Fact]
    public void OrderStatisticIntervalSortsAndTakesTheErrorFromFiniteSamples()
    {
        var interval = Percentiles.OrderStatisticInterval("t", 2.5, [3, double.PositiveInfinity, 1, 2, double.PositiveInfinity]);
        Assert.Equal(new ParameterInterval("t", 2.5, 1, double.PositiveInfinity, 1), interval);
        Assert.True(double.IsNaN(Percentiles.OrderStatisticInterval("t", 1, [1, double.PositiveInfinity]).StandardError));
    }

    [Fact]
    public void InterpolatedIntervalSortsAndTakesTheErrorFromAllSamples()
    {
        var interval = Percentiles.InterpolatedInterval("a", 2.5, [4, 1, 3, 2]);
        Assert.Equal(1, interval.Low);
        Assert.Equal(4, interval.High);
        Assert.Equal(Math.Sqrt(5.0 / 3), interval.StandardError, 12);
    }
}
