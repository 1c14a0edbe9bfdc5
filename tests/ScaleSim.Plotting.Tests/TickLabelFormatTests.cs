using ScottPlot;

namespace ScaleSim.Plotting.Tests;

public class TickLabelFormatTests
{
    [Theory]
    [InlineData(0, "⁰")]
    [InlineData(21, "²¹")]
    [InlineData(-12, "⁻¹²")]
    public void SuperscriptsIntegers(int value, string expected) => Assert.Equal(expected, TickLabelFormat.Superscript(value));

    [Theory]
    [InlineData(1, 9, "10⁹")]
    [InlineData(2.5, 9, "2.5×10⁹")]
    [InlineData(-3, -4, "−3×10⁻⁴")]
    public void WritesScientificNotation(double mantissa, int exponent, string expected) =>
        Assert.Equal(expected, TickLabelFormat.Scientific(mantissa, exponent));

    [Theory]
    [InlineData(0, "0")]
    [InlineData(0.5, "0.5")]
    [InlineData(0.30000000000000004, "0.3")]
    [InlineData(10000, "10000")]
    [InlineData(3e20, "3×10²⁰")]
    [InlineData(1e6, "10⁶")]
    [InlineData(-2e-5, "−2×10⁻⁵")]
    [InlineData(9.99999999999e5, "10⁶")]
    public void CompactPicksPlainOrScientific(double value, string expected) =>
        Assert.Equal(expected, TickLabelFormat.Compact(value));

    [Fact]
    public void LinearLabelsShareOneNumberOfDecimals()
    {
        Tick[] ticks = [Tick.Major(0, "0"), Tick.Major(0.002, "0.002"), Tick.Major(0.004, "0.004"), Tick.Major(-0.002, "-0.002"), Tick.Minor(0.001)];

        Tick[] relabelled = LinearTickGenerator.Relabel(ticks);

        Assert.Equal(["0.000", "0.002", "0.004", "−0.002"], relabelled.Where(t => t.IsMajor).Select(t => t.Label));
        Assert.Single(relabelled, t => !t.IsMajor);
    }

    [Fact]
    public void LinearLabelsKeepQuarterSteps()
    {
        Tick[] relabelled = LinearTickGenerator.Relabel([Tick.Major(0, ""), Tick.Major(0.25, ""), Tick.Major(0.5, "")]);
        Assert.Equal(["0.00", "0.25", "0.50"], relabelled.Select(t => t.Label));
    }
}
