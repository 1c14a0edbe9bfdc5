using ScaleSim.Units;

namespace ScaleSim.Tests.Units;

public class QuantityTests
{
    [Theory]
    [InlineData("70B", 70e9)]
    [InlineData("70b", 70e9)]
    [InlineData("1.4T", 1.4e12)]
    [InlineData("5.76e23", 5.76e23)]
    [InlineData("5.76E23", 5.76e23)]
    [InlineData("400M", 400e6)]
    [InlineData("400m", 400e6)]
    [InlineData("2k", 2e3)]
    [InlineData("3G", 3e9)]
    [InlineData("1P", 1e15)]
    [InlineData("2E", 2e18)]
    [InlineData("1e3K", 1e6)]
    [InlineData(" 12 ", 12)]
    [InlineData("1_000_000", 1e6)]
    [InlineData(".5T", 0.5e12)]
    public void ParsesPlainScientificAndSuffixedNumbers(string text, double expected)
    {
        Assert.Equal(expected, Quantity.Parse(text, "params"), expected * 1e-15);
    }

    [Theory]
    [InlineData("")]
    [InlineData("B")]
    [InlineData("70X")]
    [InlineData("seventy")]
    [InlineData("1e400")]
    [InlineData("NaN")]
    [InlineData("∞")]
    [InlineData("1.2.3B")]
    public void RefusesWhatIsNotAQuantityNamingTheParameterAndText(string text)
    {
        var e = Assert.Throws<InputException>(() => Quantity.Parse(text, "tokens"));
        Assert.Equal(["tokens"], e.Parameters);
        Assert.Contains($"'{text}'", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Theory]
    [InlineData(70e9, "70.0B")]
    [InlineData(1.4e12, "1.40T")]
    [InlineData(512e6, "512M")]
    [InlineData(999.6e3, "1.00M")]
    [InlineData(20.04, "20.0")]
    [InlineData(5.76e20, "576E")]
    [InlineData(5.76e23, "5.76e+23")]
    [InlineData(1234, "1.23K")]
    public void FormatsThreeSignificantDigitsWithASuffix(double value, string expected)
    {
        Assert.Equal(expected, Quantity.Format(value));
    }

    [Fact]
    public void FormattedValuesParseBackWithinTheirRounding()
    {
        var random = new Random(7);
        for (int i = 0; i < 2000; i++)
        {
            double value = Math.Pow(10, random.NextDouble() * 24);
            double back = Quantity.Parse(Quantity.Format(value), "params");
            // Three significant digits: within half a unit of the third digit.
            Assert.True(Math.Abs(back / value - 1) <= 5e-3 + 1e-12, $"{value:R} → {Quantity.Format(value)} → {back:R}");
        }
    }

    [Fact]
    public void ListsAndGeometricRangesExpandToEveryBudget()
    {
        Assert.Equal([1e21, 1e23], Quantity.ParseList("1e21,1e23", "flops"));
        var range = Quantity.ParseList("1e21:1e25:x10", "flops");
        Assert.Equal(5, range.Count);
        for (int k = 0; k < 5; k++) Assert.Equal(Math.Pow(10, 21 + k), range[k], Math.Pow(10, 21 + k) * 1e-12);
        Assert.Equal(1e25, range[^1]);
        // A factor that does not land on TO stops below it.
        Assert.Equal([1e21, 3e21, 9e21], Quantity.ParseList("1e21:1e22:x3", "flops"), new RelativeComparer(1e-12));
        Assert.Equal([1e18, 1e21, 1e22], Quantity.ParseList("1E,1e21:1e22:x10", "flops"), new RelativeComparer(1e-12));
    }

    [Theory]
    [InlineData("1e21:1e25")]
    [InlineData("1e21:1e25:10")]
    [InlineData("1e21:1e25:x1")]
    [InlineData("1e25:1e21:x10")]
    [InlineData("1e21,,1e22")]
    [InlineData("-1e21")]
    [InlineData("0")]
    [InlineData("1:1e300:x1.0001")]
    public void RefusesBadListsAndRanges(string text)
    {
        var e = Assert.Throws<InputException>(() => Quantity.ParseList(text, "flops"));
        Assert.Equal("flops", e.Parameters.Single());
    }

    private sealed class RelativeComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance * Math.Max(Math.Abs(x), Math.Abs(y));

        public int GetHashCode(double obj) => 0;
    }
}
