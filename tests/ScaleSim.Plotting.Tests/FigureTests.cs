using ScottPlot;
using SkiaSharp;

namespace ScaleSim.Plotting.Tests;

public class FigureTests
{
    [Fact]
    public void MismatchedLengthsAreRejectedWithAClearMessage()
    {
        var error = Assert.Throws<ArgumentException>(() => new Figure().AddLine([1, 2, 3], [1, 2], "fit"));
        Assert.Contains("line 'fit'", error.Message);
        Assert.Contains("xs has 3 values but ys has 2", error.Message);
    }

    [Fact]
    public void NonPositiveValuesOnALogAxisAreRejected()
    {
        var figure = new Figure().WithYAxis("Loss", AxisScale.Log);
        var error = Assert.Throws<ArgumentException>(() => figure.AddScatter([1, 2, 3], [2, 0, 1], "runs"));
        Assert.Contains("scatter 'runs': y[1] is 0", error.Message);
        Assert.Contains("logarithmic", error.Message);
    }

    [Fact]
    public void SwitchingToLogUnderBadDataIsRejectedAndLeavesTheFigureUsable()
    {
        var figure = new Figure().AddLine([-1, 1], [1, 2], "fit");

        var error = Assert.Throws<ArgumentException>(() => figure.WithXAxis("N", AxisScale.Log));
        Assert.Contains("x[0] is -1", error.Message);
        Assert.NotEmpty(figure.RenderPng());
    }

    [Fact]
    public void OtherBadArgumentsThrowArgumentException()
    {
        Assert.Throws<ArgumentException>(() => new Figure().AddLine([1, double.NaN], [1, 2]));
        Assert.Throws<ArgumentException>(() => new Figure().AddLine([], []));
        Assert.Throws<ArgumentException>(() => new Figure().AddBand([1, 2], [1, 3], [2, 2]));
        Assert.Throws<ArgumentException>(() => new Figure().AddErrorBars([1, 2], [1, 2], [0.1, -0.1]));
        Assert.Throws<ArgumentException>(() => new Figure().WithYAxis("L", AxisScale.Log).AddErrorBars([1], [1], [1]));
        Assert.Throws<ArgumentException>(() => new Figure().WithXAxis("x", AxisScale.Log).AddHistogram([1, 2, 3]));
        Assert.Throws<ArgumentException>(() => new Figure().WithXAxis("x", AxisScale.Log, min: 0));
        Assert.Throws<ArgumentException>(() => new Figure().WithXAxis("x", min: 5, max: 1));
        Assert.Throws<ArgumentException>(() => new Figure().AddHighlight(1, 1, ""));
        Assert.Throws<ArgumentException>(() => new Figure().AddSeriesFamily([[1.0, 2.0]], [[1.0, 2.0]], [1.0, 2.0], "N"));
        Assert.Throws<ArgumentException>(() => new Figure().AddSeriesFamily([[1.0, 2.0]], [[1.0, 2.0]], [0.0], "N", AxisScale.Log));
        Assert.Throws<ArgumentException>(() => new Figure().AddContours((a, b) => a + b, 1, 1, 0, 1, [1]));
        Assert.Throws<ArgumentException>(() => new Figure().WithXAxis("N", AxisScale.Log).AddContours((a, b) => a + b, 0, 1, 1, 2, [1]));
        Assert.Throws<ArgumentException>(() => new Figure().WithSize(10, 10));
    }

    [Fact]
    public void SaveWritesPngAndSvgWithTheSameBaseName()
    {
        string directory = Path.Combine(Path.GetTempPath(), "scalesim-plotting-tests", Guid.NewGuid().ToString("N"), "nested");
        try
        {
            SavedFigure saved = new Figure("Loss against compute")
                .WithXAxis("Compute C (FLOPs)", AxisScale.Log)
                .WithYAxis("Loss", AxisScale.Log)
                .AddLine([1e18, 1e20, 1e22], [3.5, 2.6, 2.1], "fit")
                .Save(directory, "loss-vs-compute");

            Assert.Equal(Path.Combine(directory, "loss-vs-compute.png"), saved.PngPath);
            Assert.Equal(Path.Combine(directory, "loss-vs-compute.svg"), saved.SvgPath);
            using SKBitmap png = PixelInk.Decode(File.ReadAllBytes(saved.PngPath!));
            Assert.Equal((FigureTheme.DefaultWidth, FigureTheme.DefaultHeight), (png.Width, png.Height));
            string svg = File.ReadAllText(saved.SvgPath!);
            Assert.StartsWith("<?xml", svg);
            Assert.Contains("Loss against compute", svg);
            Assert.Contains("Compute C (FLOPs)", svg);
            Assert.Contains("10²⁰", svg);
            Assert.Contains("font-family=\"DejaVu Sans", svg);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(directory)!, recursive: true);
        }
    }

    [Fact]
    public void SaveRejectsABaseNameWithDirectories()
    {
        Assert.Throws<ArgumentException>(() => new Figure().Save(Path.GetTempPath(), "../escape"));
        Assert.Throws<ArgumentException>(() => new Figure().Save(Path.GetTempPath(), " "));
    }

    [Fact]
    public void RenderingIsDeterministic()
    {
        static Figure Build() => SampleFigures.All["loss-vs-compute"]();
        Assert.Equal(Build().RenderPng(), Build().RenderPng());
        Assert.Equal(Build().RenderSvg(), Build().RenderSvg());
    }

    [Fact]
    public void EmptyFigureStillRenders()
    {
        Assert.NotEmpty(new Figure("Nothing yet").WithXAxis("N", AxisScale.Log).WithYAxis("L", AxisScale.Log).RenderPng());
    }

    [Fact]
    public void AutomaticLegendGoesToACornerWithoutData()
    {
        // Falls from upper left to lower right: the upper right corner is empty.
        Plot plot = new Figure()
            .AddLine([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [10, 5, 3, 2, 1.5, 1.2, 1.1, 1.05, 1.02, 1.01], "decay")
            .ToPlot();

        Assert.True(plot.Legend.IsVisible);
        Assert.Equal(Alignment.UpperRight, plot.Legend.Alignment);
    }

    [Fact]
    public void AutomaticLegendGoesOutsideWhenEveryCornerHasData()
    {
        Plot plot = new Figure()
            .AddScatter([0, 0, 1, 1, 0.5], [0, 1, 0, 1, 0.5], "corners")
            .WithXAxis("x", min: 0, max: 1)
            .WithYAxis("y", min: 0, max: 1)
            .ToPlot();

        Assert.False(plot.Legend.IsVisible);
        Assert.Single(plot.Axes.GetPanels().OfType<ScottPlot.Panels.LegendPanel>());
    }

    [Fact]
    public void LegendCanBePlacedOrHidden()
    {
        Figure figure = new Figure().AddLine([1, 2], [1, 2], "line");
        Assert.Equal(Alignment.LowerRight, figure.WithLegend(LegendPlacement.LowerRight).ToPlot().Legend.Alignment);
        Assert.False(figure.WithLegend(LegendPlacement.Hidden).ToPlot().Legend.IsVisible);
    }

    [Fact]
    public void LogAxesPlotLog10OfTheDataAndUseLogTicks()
    {
        Plot plot = new Figure()
            .WithXAxis("N", AxisScale.Log, min: 1e6, max: 1e12)
            .WithYAxis("L")
            .AddLine([1e6, 1e12], [3, 2])
            .ToPlot();

        Assert.IsType<LogTickGenerator>(plot.Axes.Bottom.TickGenerator);
        Assert.IsType<LinearTickGenerator>(plot.Axes.Left.TickGenerator);
        AxisLimits limits = plot.Axes.GetLimits();
        Assert.Equal(6, limits.Left, 9);
        Assert.Equal(12, limits.Right, 9);
    }

    [Fact]
    public void ContoursSetTheVisibleAreaToTheirRectangle()
    {
        Plot plot = new Figure()
            .WithXAxis("N", AxisScale.Log)
            .WithYAxis("D", AxisScale.Log)
            .AddContours(SampleFigures.ChinchillaLoss, 1e8, 1e11, 1e9, 1e12, [2.0, 2.5, 3.0], resolution: 60)
            .ToPlot();

        AxisLimits limits = plot.Axes.GetLimits();
        Assert.Equal((8.0, 11.0, 9.0, 12.0), (limits.Left, limits.Right, limits.Bottom, limits.Top));
        Assert.Contains(plot.GetPlottables().OfType<ScottPlot.Plottables.Text>(), t => t.LabelText == "2.50");
    }

    [Fact]
    public void PointLabelsSitBesideTheirPointOnTheChosenSide()
    {
        Plot plot = new Figure()
            .WithXAxis("C", AxisScale.Log)
            .AddScatter([1e20, 1e24], [1, 2])
            .AddPointLabel(1e20, 1, "small")
            .AddPointLabel(1e24, 2, "large", left: true)
            .ToPlot();

        var texts = plot.GetPlottables().OfType<ScottPlot.Plottables.Text>().ToDictionary(t => t.LabelText);
        Assert.Equal(Alignment.MiddleLeft, texts["small"].Alignment);
        Assert.True(texts["small"].OffsetX > 0);
        Assert.Equal(Alignment.MiddleRight, texts["large"].Alignment);
        Assert.Equal(24, texts["large"].Location.X, 9);
        Assert.Throws<ArgumentException>(() => new Figure().AddPointLabel(1, 1, " "));
    }

    [Fact]
    public void IntervalsAreDrawnAsGivenEvenWhenAsymmetric()
    {
        // A score of 0 with its binomial interval [0, 0.28], and a bootstrap interval that does not hold its point.
        var figure = new Figure().WithYAxis("score", min: 0, max: 1)
            .AddIntervals([1, 2], [0, 0.5], [0, 0.55], [0.28, 0.7], "scores");
        string[] rows = figure.DataCsv().TrimEnd('\n').Split('\n');
        Assert.Equal("error-bar,scores,1,0,0,0.28", rows[1]);
        Assert.Equal("error-bar,scores,2,0.5,0.55,0.7", rows[2]);
        Assert.NotEmpty(figure.RenderPng());
        // The symmetric form is the same interval y ± e.
        Assert.Equal("error-bar,,1,2,1.5,2.5", new Figure().AddErrorBars([1], [2], [0.5]).DataCsv().TrimEnd('\n').Split('\n')[1]);

        Assert.Throws<ArgumentException>(() => new Figure().AddIntervals([1], [0.5], [0.6], [0.4]));
        Assert.Throws<ArgumentException>(() => new Figure().AddIntervals([1], [0.5], [double.NaN], [0.6]));
        Assert.Throws<ArgumentException>(() => new Figure().WithYAxis("L", AxisScale.Log).AddIntervals([1], [1], [0], [2]));
        var unpaired = Assert.Throws<ArgumentException>(() => new Figure().AddErrorBars([1, 2], [1, 2], [0.1]));
        Assert.Equal("yErrors", unpaired.ParamName);
    }
}
