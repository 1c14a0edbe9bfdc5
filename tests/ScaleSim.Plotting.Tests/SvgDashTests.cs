using System.Text.RegularExpressions;
using ScottPlot;
using SkiaSharp;

namespace ScaleSim.Plotting.Tests;

/// <summary>Dashed lines in SVG output: the dashes survive, and SkiaSharp prints no warning while drawing them.</summary>
[Collection(nameof(NativeStderrCollection))]
public class SvgDashTests
{
    /// <summary>The reference line's default colour, as SkiaSharp's SVG canvas writes it.</summary>
    private const string ReferenceGrey = "\"#555\"";

    /// <summary>
    /// A residual plot as the CLI draws it: a dashed reference line drawn before markers, plus a
    /// dash-dotted line with markers and a highlighted point, each named in the legend.
    /// </summary>
    private static Figure DashedFigure() => new Figure("Residuals")
        .WithXAxis("Parameters N", AxisScale.Log)
        .WithYAxis("Residual")
        .AddHorizontalLine(0, "zero")
        .AddScatter([1e7, 1e8, 1e9, 1e10], [0.01, -0.02, 0.005, 0.015], "runs")
        .AddLineWithMarkers([1e7, 1e10], [-0.03, 0.03], "trend", new SeriesStyle { Dash = LineDash.DashDot })
        .AddHighlight(1e9, 0.005, "run 3");

    [Fact]
    public void DashedReferenceLineAndItsLegendSwatchStayDashedInSvg()
    {
        string svg = DashedFigure().RenderSvg();

        var grey = Regex.Matches(svg, "<path [^>]*>").Select(m => m.Value).Where(p => p.Contains(ReferenceGrey)).ToList();
        Assert.Equal(2, grey.Count); // the line across the data area and its legend swatch
        foreach (string path in grey)
        {
            int dashes = Regex.Match(path, " d=\"([^\"]*)\"").Groups[1].Value.Count(c => c == 'M');
            Assert.True(dashes >= 2 || path.Contains("stroke-dasharray"), $"Drawn solid: {path}");
        }
    }

    [Fact]
    public void SvgOfDashedLinesPrintsNothingToStderr()
    {
        if (!OperatingSystem.IsLinux())
            return; // NativeStderr redirects a Linux file descriptor.
        Figure figure = DashedFigure();
        figure.RenderSvg(); // first use (font registration, native loading) outside the capture

        string stderr = NativeStderr.Capture(() => figure.RenderSvg());

        Assert.Equal("", stderr);
    }

    [Fact]
    public void NativeStderrCaptureSeesNativeOutput()
    {
        if (!OperatingSystem.IsLinux())
            return;
        // Guards the test above against passing because the capture sees nothing. A path effect on a
        // rectangle is what SkiaSharp's SVG canvas warns about (the bug DashedStroke avoids); should a
        // SkiaSharp upgrade stop printing it, this test may go.
        string stderr = NativeStderr.Capture(() =>
        {
            using var stream = new MemoryStream();
            using SKCanvas canvas = SKSvgCanvas.Create(new SKRect(0, 0, 10, 10), stream);
            using SKPathEffect dashes = SKPathEffect.CreateDash([2, 2], 0);
            using var paint = new SKPaint { PathEffect = dashes };
            canvas.DrawRect(1, 1, 5, 5, paint);
        });

        Assert.Contains("path effect", stderr);
    }

    [Fact]
    public void NoScottPlotLineStyleCarriesADashPattern()
    {
        // ScottPlot strokes a dash pattern by putting a path effect on the paint it shares across all
        // drawing; no line handed to ScottPlot may have one (DashedLine and DashedSwatch draw the dashes).
        Plot plot = DashedFigure().ToPlot();

        var lines = plot.GetPlottables().OfType<IHasLine>().Select(p => p.LineStyle)
            .Concat(plot.GetPlottables().OfType<IHasMarker>().SelectMany(p => Lines(p.MarkerStyle)))
            .Concat(plot.Legend.ManualItems.SelectMany(i => Lines(i.MarkerStyle).Append(i.LineStyle).Append(i.OutlineStyle)));

        Assert.All(lines, line => Assert.Empty(line.Pattern.Intervals ?? []));
        Assert.Contains(plot.GetPlottables(), p => p is DashedLine);
    }

    private static IEnumerable<LineStyle> Lines(MarkerStyle marker) => [marker.LineStyle, marker.OutlineStyle];
}
