namespace ScaleSim.Plotting.Tests;

/// <summary>
/// What a reviewer checks on every sample figure, measured rather than eyeballed: every text on the canvas,
/// annotations inside the data area, a readable number of ticks, the legend entries there.
/// </summary>
public class FigureLayoutTests
{
    public static TheoryData<string> Names => [.. SampleFigures.All.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public void SampleFigurePassesTheLayoutChecks(string name)
    {
        FigureLayoutAssert.Readable(SampleFigures.All[name](), name);
    }

    [Fact]
    public void TheLayoutSeesALabelPushedOffTheCanvas()
    {
        FigureLayout layout = new Figure("t")
            .AddLine([0, 1], [0, 1], "line")
            .AddAnnotation(1, 1, "a long label centred on the top right corner of the data")
            .MeasureLayout();
        Assert.Contains(layout.ClippedAnnotations, t => t.Text.StartsWith("a long label", StringComparison.Ordinal));
    }

    [Fact]
    public void ALegendThatWouldCoverTheDataMakesRoomAboveIt()
    {
        // Data in every corner, but no fixed y limit: the legend goes inside, above the data, not beside the plot.
        FigureLayout layout = new Figure()
            .AddScatter([0, 0, 1, 1, 0.5], [0, 1, 0, 1, 0.5], "corners")
            .MeasureLayout();
        Assert.True(layout.LegendInside);
        Assert.Equal(["corners"], layout.LegendEntries);
        Assert.Empty(layout.Collisions);
    }

    [Fact]
    public void ShortLogAxesGetMoreThanThreeLabels()
    {
        FigureLayout layout = new Figure()
            .WithYAxis("Loss", AxisScale.Log)
            .AddLine([1, 2, 3], [1.05, 2, 3.4])
            .MeasureLayout();
        Assert.InRange(layout.YTickLabels.Count, 4, 12);
    }

    [Fact]
    public void ManualTicksLabelCategories()
    {
        FigureLayout layout = new Figure()
            .AddLineWithMarkers([1, 2, 3], [0.8, 0.7, 0.5])
            .WithXTicks([1, 2, 3], ["baseline", "+ warm-up", "+ decay"])
            .MeasureLayout();
        Assert.Equal(["baseline", "+ warm-up", "+ decay"], layout.XTickLabels);
    }
}
