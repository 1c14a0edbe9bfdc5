using ScottPlot;
using ScottPlot.Plottables;
using SkiaSharp;

namespace ScaleSim.Plotting.Tests;

public class FigureFontTests
{
    [Fact]
    public void RegisteredFontResolvesToTheEmbeddedDejaVuSans()
    {
        FigureFont.EnsureRegistered();

        SKTypeface regular = Fonts.GetTypeface(FigureFont.Name, bold: false, italic: false);
        SKTypeface bold = Fonts.GetTypeface(FigureFont.Name, bold: true, italic: false);

        Assert.Equal("DejaVu Sans", regular.FamilyName);
        Assert.Equal("DejaVu Sans", bold.FamilyName);
        // The very instances loaded from the assembly's resources, not a system font of the same family.
        Assert.Same(FigureFont.Regular, regular);
        Assert.Same(FigureFont.Bold, bold);
        Assert.True(bold.FontWeight > regular.FontWeight);
    }

    [Fact]
    public void EmbeddedFontCoversTheGlyphsTickLabelsUse()
    {
        foreach (char glyph in "0123456789⁰¹²³⁴⁵⁶⁷⁸⁹⁻×−αβ·")
            Assert.True(FigureFont.Regular.ContainsGlyph(glyph), $"DejaVu Sans lacks '{glyph}'");
    }

    [Fact]
    public void RegistrationHappensOnceUnderConcurrentFirstUse()
    {
        Parallel.For(0, 16, i =>
        {
            FigureFont.EnsureRegistered();
            new Figure($"Figure {i}").AddLine([1, 2, 3], [3, 1, 2], "line").RenderPng();
        });

        lock (Fonts.FontResolvers)
            Assert.Single(Fonts.FontResolvers.OfType<EmbeddedFontResolver>());
    }

    [Fact]
    public void EveryTextElementUsesTheEmbeddedTypeface()
    {
        Plot plot = SampleFigures.All["training-curves-colorbar"]().ToPlot();
        Plot contours = SampleFigures.All["loss-contours"]().ToPlot();

        var styles = new List<LabelStyle> { plot.Axes.Title.Label };
        foreach (Plot p in new[] { plot, contours })
        {
            foreach (IAxis axis in p.Axes.GetAxes())
                styles.AddRange([axis.Label, axis.TickLabelStyle]);
            foreach (var colorBar in p.Axes.GetPanels().OfType<ScottPlot.Panels.ColorBar>())
                styles.AddRange([colorBar.Axis.Label, colorBar.Axis.TickLabelStyle]);
            styles.AddRange(p.Legend.ManualItems.Select(item => item.LabelStyle));
            styles.AddRange(p.GetPlottables().OfType<Text>().Select(text => text.LabelStyle));
        }

        Assert.Contains(styles, s => s.Text == "Training curves by model size");
        Assert.True(contours.GetPlottables().OfType<Text>().Count() >= 5, "contour labels and the highlight label are Text plottables");
        foreach (LabelStyle style in styles)
        {
            Assert.Equal(FigureFont.Name, style.FontName);
            Assert.True(ReferenceEquals(style.Font, FigureFont.Regular) || ReferenceEquals(style.Font, FigureFont.Bold),
                $"'{style.Text}' is set in {style.Font?.FamilyName ?? "no explicit typeface"}");
        }
    }

    /// <summary>
    /// Renders each text element once in ink and once transparent (same layout) and checks the
    /// pixels differ: the glyphs really are drawn, not silently dropped.
    /// </summary>
    [Theory]
    [InlineData("title")]
    [InlineData("axis label")]
    [InlineData("tick labels")]
    [InlineData("legend")]
    [InlineData("highlight label")]
    public void TextElementPutsInkOnTheImage(string element)
    {
        static Plot Build() => new Figure("Scaling of final loss")
            .WithXAxis("Training compute C (FLOPs)", AxisScale.Log)
            .WithYAxis("Loss", AxisScale.Log)
            .AddLine(SampleFigures.LogSpace(1e18, 1e22, 10), SampleFigures.LogSpace(4, 2, 10), "Fitted law")
            .AddHighlight(1e20, 2.8, "Chinchilla 70B")
            .ToPlot();

        Plot visible = Build(), hidden = Build();
        switch (element)
        {
            case "title":
                hidden.Axes.Title.Label.ForeColor = Colors.Transparent;
                break;
            case "axis label":
                hidden.Axes.Bottom.Label.ForeColor = Colors.Transparent;
                break;
            case "tick labels":
                hidden.Axes.Bottom.TickLabelStyle.ForeColor = Colors.Transparent;
                break;
            case "legend":
                foreach (LegendItem item in hidden.Legend.ManualItems)
                    item.LabelStyle.ForeColor = Colors.Transparent;
                hidden.Legend.FontColor = Colors.Transparent;
                break;
            case "highlight label":
                foreach (Text text in hidden.GetPlottables().OfType<Text>())
                    text.LabelFontColor = Colors.Transparent;
                break;
        }

        using SKBitmap a = PixelInk.Decode(visible.GetImageBytes(800, 560, ImageFormat.Png));
        using SKBitmap b = PixelInk.Decode(hidden.GetImageBytes(800, 560, ImageFormat.Png));
        int differing = PixelInk.CountDifferences(a, b, new SKRectI(0, 0, 800, 560));
        Assert.True(differing > 150, $"{element}: only {differing} pixels changed when its text was hidden");
    }

    [Fact]
    public void TitleRegionDiffersWithAndWithoutATitle()
    {
        using SKBitmap titled = PixelInk.Decode(new Figure("Loss against compute").AddLine([1, 2], [1, 2]).RenderPng());
        using SKBitmap untitled = PixelInk.Decode(new Figure().AddLine([1, 2], [1, 2]).RenderPng());
        // Centred title text lies in this band; without a title only the top frame line may cross it.
        var titleBand = new SKRectI(250, 8, 550, 32);

        Assert.True(PixelInk.CountDark(titled, titleBand) > 300, "the title's glyphs should darken its band");
        Assert.True(PixelInk.CountDifferences(titled, untitled, titleBand) > 500);
    }
}
