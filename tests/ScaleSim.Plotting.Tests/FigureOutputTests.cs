using System.Globalization;
using SkiaSharp;

namespace ScaleSim.Plotting.Tests;

public class FigureOutputTests
{
    private static Figure Sample() => new Figure("Loss against compute")
        .WithXAxis("Compute C (FLOPs)", AxisScale.Log)
        .WithYAxis("Loss (nats/token)", AxisScale.Log)
        .AddLine([1e18, 1e20, 1e22], [3.5, 2.6, 2.1], "fit")
        .AddScatter([1e19, 1e21], [3.0, 2.3], "runs, seed 0")
        .AddBand([1e18, 1e22], [3.4, 2.0], [3.6, 2.2], "95% interval");

    [Fact]
    public void SaveWritesEachFormatAskedForAndTheDataAsCsv()
    {
        string directory = Path.Combine(Path.GetTempPath(), "scalesim-plotting-tests", Guid.NewGuid().ToString("N"));
        try
        {
            SavedFigure saved = Sample().Save(directory, "loss", new FigureOutput([FigureFormat.Pdf, FigureFormat.Png], Scale: 2));

            Assert.Equal([Path.Combine(directory, "loss.pdf"), Path.Combine(directory, "loss.png")], saved.ImagePaths);
            Assert.Null(saved.SvgPath);
            Assert.False(File.Exists(Path.Combine(directory, "loss.svg")));
            Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(saved.ImagePaths[0]), 0, 5));
            using SKBitmap png = PixelInk.Decode(File.ReadAllBytes(saved.PngPath!));
            Assert.Equal((2 * FigureTheme.DefaultWidth, 2 * FigureTheme.DefaultHeight), (png.Width, png.Height));
            Assert.Equal(Path.Combine(directory, "loss.csv"), saved.CsvPath);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void TheCsvHoldsEveryDrawnValueAtFullPrecisionInDataUnits()
    {
        string[] lines = Sample().DataCsv().TrimEnd('\n').Split('\n');

        Assert.Equal("layer,series,x,y,y_low,y_high", lines[0]);
        Assert.Equal(3 + 2 + 2, lines.Length - 1);
        Assert.Contains("line,fit,1E+20,2.6,,", lines);
        // A label with a comma is quoted; values are not log10 even on log axes.
        Assert.Contains("markers,\"runs, seed 0\",1E+21,2.3,,", lines);
        Assert.Contains("band,95% interval,1E+22,,2,2.2", lines);
        double third = 1.0 / 3;
        string csv = new Figure().AddLine([1, 2], [third, 1]).DataCsv();
        Assert.Contains(third.ToString("R", CultureInfo.InvariantCulture), csv);
    }

    [Fact]
    public void ScaleKeepsTheLayoutAndMultipliesThePixels()
    {
        using SKBitmap one = PixelInk.Decode(Sample().RenderPng());
        using SKBitmap two = PixelInk.Decode(Sample().RenderPng(scale: 2));
        Assert.Equal((one.Width * 2, one.Height * 2), (two.Width, two.Height));
        // Same layout: the ink covers about four times as many pixels, not the same number spread over a bigger canvas.
        double ratio = (double)PixelInk.CountDark(two, new SKRectI(0, 0, two.Width, two.Height)) / PixelInk.CountDark(one, new SKRectI(0, 0, one.Width, one.Height));
        Assert.InRange(ratio, 2.5, 5.5);
    }

    [Fact]
    public void BadOutputSettingsAreRejected()
    {
        Assert.Throws<ArgumentException>(() => Sample().Save(Path.GetTempPath(), "x", new FigureOutput([])));
        Assert.Throws<ArgumentException>(() => Sample().Save(Path.GetTempPath(), "x", new FigureOutput([FigureFormat.Png], Scale: 0)));
        Assert.Throws<ArgumentException>(() => Sample().RenderPng(scale: 100));
    }

    [Fact]
    public void PdfOfTheSameFigureIsTheSameEveryTime()
    {
        Assert.Equal(Sample().RenderPdf(), Sample().RenderPdf());
    }
}
