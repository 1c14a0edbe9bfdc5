using ScottPlot;

namespace ScaleSim.Plotting;

/// <summary>Turns a figure's specification into a styled ScottPlot <see cref="Plot"/>.</summary>
internal sealed class FigureRenderer(string title, AxisSpec x, AxisSpec y, LegendPlacement legendPlacement,
    IReadOnlyList<IFigureLayer> layers, int width, int height)
{
    /// <summary>Pixels taken around the data area by title, axes and tick labels (a layout estimate).</summary>
    private const int HorizontalChrome = 130, VerticalChrome = 120, ColorBarChrome = 90;

    public Plot Build()
    {
        FigureFont.EnsureRegistered();
        var plot = new Plot();
        var footprints = layers.SelectMany(l => l.Footprint(x, y)).ToList();
        var canvas = new FigureCanvas(plot, x, y, DataBounds(footprints));

        foreach (IFigureLayer layer in layers)
            layer.Draw(canvas);

        StyleFrame(plot);
        SetLimits(plot);
        PlaceLegend(plot, canvas.LegendItems);
        ApplyFonts(plot);
        return plot;
    }

    private CoordinateRect DataBounds(List<Coordinates[]> footprints)
    {
        var points = footprints.SelectMany(p => p).Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y)).ToList();
        foreach (IFigureLayer layer in layers)
        {
            if (layer.Extent(x, y) is CoordinateRect extent)
            {
                points.Add(extent.BottomLeft);
                points.Add(extent.TopRight);
            }
        }
        if (points.Count == 0)
            return new CoordinateRect(0, 1, 0, 1);
        return new CoordinateRect(points.Min(p => p.X), points.Max(p => p.X), points.Min(p => p.Y), points.Max(p => p.Y));
    }

    private void StyleFrame(Plot plot)
    {
        plot.FigureBackground.Color = Colors.White;
        plot.DataBackground.Color = Colors.White;

        plot.Axes.Title.Label.Text = title;
        plot.Axes.Bottom.Label.Text = x.Label;
        plot.Axes.Left.Label.Text = y.Label;
        plot.Axes.Bottom.TickGenerator = x.IsLog ? new LogTickGenerator() : new LinearTickGenerator();
        plot.Axes.Left.TickGenerator = y.IsLog ? new LogTickGenerator() : new LinearTickGenerator();

        foreach (IAxis axis in plot.Axes.GetAxes())
        {
            axis.FrameLineStyle.Color = FigureTheme.Ink;
            axis.MajorTickStyle.Color = FigureTheme.Ink;
            axis.MinorTickStyle.Color = FigureTheme.Ink;
        }

        plot.Grid.MajorLineColor = FigureTheme.MajorGrid;
        plot.Grid.MajorLineWidth = 1;
        plot.Grid.MinorLineColor = FigureTheme.MinorGrid;
        // Minor grid lines only where they carry information: between decades of a log axis.
        plot.Grid.XAxisStyle.MinorLineStyle.Width = x.IsLog ? 1 : 0;
        plot.Grid.YAxisStyle.MinorLineStyle.Width = y.IsLog ? 1 : 0;
    }

    private void SetLimits(Plot plot)
    {
        plot.Axes.AutoScale();
        AxisLimits auto = plot.Axes.GetLimits();
        double left = auto.Left, right = auto.Right, bottom = auto.Bottom, top = auto.Top;

        // Contours define their own rectangle; show exactly that.
        var extents = layers.Select(l => l.Extent(x, y)).OfType<CoordinateRect>().ToList();
        if (extents.Count > 0)
        {
            left = extents.Min(e => e.Left);
            right = extents.Max(e => e.Right);
            bottom = extents.Min(e => e.Bottom);
            top = extents.Max(e => e.Top);
        }

        // Histogram bars stand on the axis.
        if (layers.OfType<HistogramLayer>().Any() && !y.IsLog)
            bottom = 0;

        if (x.Min is double xMin) left = x.ToPlot(xMin);
        if (x.Max is double xMax) right = x.ToPlot(xMax);
        if (y.Min is double yMin) bottom = y.ToPlot(yMin);
        if (y.Max is double yMax) top = y.ToPlot(yMax);

        plot.Axes.SetLimits(left, right, bottom, top);
    }

    private void PlaceLegend(Plot plot, List<LegendItem> items)
    {
        Legend legend = plot.Legend;
        legend.DisplayPlottableLegendItems = false;
        legend.ManualItems.Clear();
        legend.ManualItems.AddRange(items);
        legend.FontName = FigureFont.Name;
        legend.FontSize = FigureTheme.LegendSize;
        legend.FontColor = FigureTheme.Ink;
        legend.OutlineColor = Colors.Black.WithAlpha(0.25);
        legend.ShadowColor = Colors.Transparent;
        legend.BackgroundColor = Colors.White.WithAlpha(0.9);
        legend.SymbolWidth = FigureTheme.LegendSymbolWidth;

        if (items.Count == 0 || legendPlacement == LegendPlacement.Hidden)
        {
            plot.HideLegend();
            return;
        }

        Alignment? inside = legendPlacement switch
        {
            LegendPlacement.UpperLeft => Alignment.UpperLeft,
            LegendPlacement.UpperRight => Alignment.UpperRight,
            LegendPlacement.LowerLeft => Alignment.LowerLeft,
            LegendPlacement.LowerRight => Alignment.LowerRight,
            LegendPlacement.Automatic => FreeCorner(plot),
            _ => null,
        };

        if (inside is Alignment alignment)
            plot.ShowLegend(alignment);
        else
            plot.ShowLegend(Edge.Right);
    }

    private Alignment? FreeCorner(Plot plot)
    {
        using (plot.Legend.GetImage()) { } // measures the legend into LastRenderSize
        PixelSize legendSize = plot.Legend.LastRenderSize;
        bool hasColorBar = plot.Axes.GetPanels().OfType<ScottPlot.Panels.ColorBar>().Any();
        double dataWidth = Math.Max(1, width - HorizontalChrome - (hasColorBar ? ColorBarChrome : 0));
        double dataHeight = Math.Max(1, height - VerticalChrome);
        // Legend plus its margin from the frame, as fractions of the data area.
        double widthFraction = (legendSize.Width + 2 * plot.Legend.Margin.Horizontal) / dataWidth;
        double heightFraction = (legendSize.Height + 2 * plot.Legend.Margin.Vertical) / dataHeight;
        var data = layers.Where(l => !l.IsGuide).SelectMany(l => l.Footprint(x, y));
        var guides = layers.Where(l => l.IsGuide).SelectMany(l => l.Footprint(x, y));
        return LegendCornerSearch.FindFreeCorner(data, guides, plot.Axes.GetLimits(), widthFraction, heightFraction);
    }

    /// <summary>Sets the embedded font on the title and on every axis's label and tick labels.</summary>
    private static void ApplyFonts(Plot plot)
    {
        FigureFont.Apply(plot.Axes.Title.Label, FigureTheme.TitleSize, bold: true);
        plot.Axes.Title.Label.ForeColor = FigureTheme.Ink;
        foreach (IAxis axis in plot.Axes.GetAxes())
        {
            FigureFont.Apply(axis.Label, FigureTheme.AxisLabelSize);
            FigureFont.Apply(axis.TickLabelStyle, FigureTheme.TickLabelSize);
            axis.Label.ForeColor = FigureTheme.Ink;
            axis.TickLabelStyle.ForeColor = FigureTheme.Ink;
        }
    }
}
