using ScottPlot;

namespace ScaleSim.Plotting.Tests;

public class LogAxisTicksTests
{
    /// <summary>Roughly DejaVu Sans at 13 px: 8 px per character.</summary>
    private static double Width(string label) => label.Length * 8.0;

    private static double Height(string label) => 15.0;

    private static Tick[] Majors(Tick[] ticks) => ticks.Where(t => t.IsMajor).OrderBy(t => t.Position).ToArray();

    [Fact]
    public void WideRangeLabelsEveryFewDecadesAsPowersOfTen()
    {
        Tick[] ticks = LogAxisTicks.Generate(4, 28, 700, Width, 14);
        Tick[] majors = Majors(ticks);

        Assert.InRange(majors.Length, 4, 12);
        foreach (Tick tick in majors)
        {
            int exponent = (int)Math.Round(tick.Position);
            Assert.Equal(exponent, tick.Position, 9);
            Assert.Equal(TickLabelFormat.PowerOfTen(exponent), tick.Label);
        }
        // One stride throughout, covering both ends.
        double stride = majors[1].Position - majors[0].Position;
        Assert.All(majors.Skip(1).Select((t, i) => t.Position - majors[i].Position), d => Assert.Equal(stride, d, 9));
        Assert.True(majors[0].Position - 4 < stride && 28 - majors[^1].Position < stride);
        Assert.All(majors, t => Assert.Equal(0, Math.Round(t.Position) % Math.Round(stride)));
        // Skipped decades stay as minor ticks.
        Assert.Contains(ticks, t => !t.IsMajor && Math.Abs(t.Position - 5) < 1e-9);
    }

    [Fact]
    public void FewDecadesLabelEachDecadeWithMinorTicksBetween()
    {
        Tick[] ticks = LogAxisTicks.Generate(3.9, 6.1, 700, Width, 14);

        Assert.Equal(["10⁴", "10⁵", "10⁶"], Majors(ticks).Select(t => t.Label));
        Assert.Contains(ticks, t => !t.IsMajor && Math.Abs(t.Position - Math.Log10(2e4)) < 1e-9);
        Assert.Contains(ticks, t => !t.IsMajor && Math.Abs(t.Position - Math.Log10(9e5)) < 1e-9);
    }

    [Fact]
    public void LossAxisWithinOneDecadeGetsPlainIntermediateLabels()
    {
        // Loss from 1.8 to 4 on a vertical axis: 2, 3, 4 alone reads as a bare axis, so evenly spaced values.
        Tick[] majors = Majors(LogAxisTicks.Generate(Math.Log10(1.8), Math.Log10(4), 450, Height, 8));

        Assert.Equal(["2.0", "2.5", "3.0", "3.5", "4.0"], majors.Select(t => t.Label));
        Assert.Equal(Math.Log10(3), majors[2].Position, 12);
    }

    [Fact]
    public void LessThanADecadeOfLargeValuesGetsSeveralScientificLabels()
    {
        Tick[] majors = Majors(LogAxisTicks.Generate(Math.Log10(1.2e9), Math.Log10(2.5e9), 700, Width, 14));

        Assert.True(majors.Length >= 3, $"only {majors.Length} labels");
        Assert.All(majors, t => Assert.EndsWith("×10⁹", t.Label));
        Assert.All(majors, t => Assert.InRange(t.Position, Math.Log10(1.2e9), Math.Log10(2.5e9)));
        Assert.Equal(majors.Length, majors.Select(t => t.Label).Distinct().Count());
    }

    [Fact]
    public void VeryNarrowRangeGetsEvenlySpacedValues()
    {
        Tick[] majors = Majors(LogAxisTicks.Generate(Math.Log10(2.48), Math.Log10(2.56), 450, Height, 8));

        Assert.True(majors.Length >= 3);
        Assert.All(majors, t => Assert.Matches(@"^2\.\d\d$", t.Label));
        var values = majors.Select(t => Math.Pow(10, t.Position)).ToArray();
        var steps = values.Skip(1).Select((v, i) => v - values[i]).ToArray();
        Assert.All(steps, s => Assert.Equal(steps[0], s, 9));
    }

    [Fact]
    public void ModerateDecadesAreWrittenPlainly()
    {
        Assert.Equal(["0.01", "0.1", "1", "10", "100"], Majors(LogAxisTicks.Generate(-2, 2, 700, Width, 14)).Select(t => t.Label));
    }

    [Fact]
    public void NegativeExponentsUseASuperscriptMinus()
    {
        Assert.Equal(["10⁻⁸", "10⁻⁷", "10⁻⁶"], Majors(LogAxisTicks.Generate(-8, -6, 700, Width, 14)).Select(t => t.Label));
    }

    [Fact]
    public void LabelsNeverOverlapAndStayInRange()
    {
        var random = new Random(11);
        for (int trial = 0; trial < 500; trial++)
        {
            double min = random.NextDouble() * 40 - 10;
            double span = Math.Pow(10, random.NextDouble() * 3.5 - 2); // 0.01 .. 30 decades
            double pixels = 150 + random.NextDouble() * 900;
            bool vertical = random.Next(2) == 0;
            Func<string, double> extent = vertical ? Height : Width;
            double gap = vertical ? 8 : 14;

            Tick[] majors = Majors(LogAxisTicks.Generate(min, min + span, pixels, extent, gap));

            Assert.NotEmpty(majors);
            Assert.All(majors, t => Assert.InRange(t.Position, min - 1e-9, min + span + 1e-9));
            Assert.All(majors, t => Assert.False(string.IsNullOrEmpty(t.Label)));
            for (int i = 1; i < majors.Length; i++)
            {
                double distance = (majors[i].Position - majors[i - 1].Position) / span * pixels;
                double needed = (extent(majors[i].Label) + extent(majors[i - 1].Label)) / 2 + gap;
                Assert.True(distance >= needed - 1e-6,
                    $"[{min}, {min + span}] on {pixels:0} px: '{majors[i - 1].Label}' and '{majors[i].Label}' overlap");
            }
            if (majors.Length == 1 && span > 0.3 && pixels > 300)
                Assert.Fail($"[{min}, {min + span}] on {pixels:0} px got a single lonely label '{majors[0].Label}'");
        }
    }

    [Fact]
    public void RejectsNonFiniteRange()
    {
        Assert.Throws<ArgumentException>(() => LogAxisTicks.Generate(double.NaN, 3, 500, Width));
        Assert.Throws<ArgumentException>(() => LogAxisTicks.Generate(1, double.PositiveInfinity, 500, Width));
    }
}
