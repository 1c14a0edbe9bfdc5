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
        var occupied = layers.Where(l => !l.IsGuide).SelectMany(l => l.Footprint(x, y)).SelectMany(Densify).ToList();
        var canvas = new FigureCanvas(plot, x, y, DataBounds(footprints), occupied);

        foreach (IFigureLayer layer in layers)
            layer.Draw(canvas);

        StyleFrame(plot);
        SetLimits(plot);
        PlaceLegend(plot, canvas.LegendItems);
        ApplyFonts(plot);
        return plot;
    }

    /// <summary>The polyline's vertices with points in between, so a long straight segment still counts as occupied along its length.</summary>
    private static IEnumerable<Coordinates> Densify(Coordinates[] line)
    {
        if (line.Length == 0) yield break;
        yield return line[0];
        for (int i = 1; i < line.Length; i++)
        {
            for (int k = 1; k <= 20; k++)
                yield return new Coordinates(line[i - 1].X + (line[i].X - line[i - 1].X) * k / 20, line[i - 1].Y + (line[i].Y - line[i - 1].Y) * k / 20);
        }
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
        plot.Axes.Bottom.TickGenerator = TickGenerator(x);
        plot.Axes.Left.TickGenerator = TickGenerator(y);

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
        plot.Grid.XAxisStyle.MinorLineStyle.Width = x.IsLog && x.Ticks is null ? 1 : 0;
        plot.Grid.YAxisStyle.MinorLineStyle.Width = y.IsLog && y.Ticks is null ? 1 : 0;
    }

    private static ITickGenerator TickGenerator(AxisSpec axis)
    {
        if (axis.Ticks is { } fixedTicks)
        {
            var manual = new ScottPlot.TickGenerators.NumericManual();
            foreach (var (position, label) in fixedTicks)
                manual.AddMajor(axis.ToPlot(position), label);
            return manual;
        }
        return axis.IsLog ? new LogTickGenerator() : new LinearTickGenerator();
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
            LegendPlacement.Automatic => FreeCorner(plot) ?? CornerAboveTheData(plot),
            _ => null,
        };

        if (inside is Alignment alignment)
            plot.ShowLegend(alignment);
        else if (items.Count <= 8)
        {
            // Below the plot, entries side by side: it costs a strip of height, not a third of the width.
            plot.ShowLegend(Edge.Bottom);
            plot.Legend.Orientation = Orientation.Horizontal;
        }
        else
            plot.ShowLegend(Edge.Right);
    }

    private Alignment? FreeCorner(Plot plot)
    {
        var (widthFraction, heightFraction) = LegendFractions(plot);
        var data = layers.Where(l => !l.IsGuide).SelectMany(l => l.Footprint(x, y));
        var guides = layers.Where(l => l.IsGuide).SelectMany(l => l.Footprint(x, y));
        return LegendCornerSearch.FindFreeCorner(data, guides, plot.Axes.GetLimits(), widthFraction, heightFraction);
    }

    /// <summary>
    /// When every corner holds data, raises the top of the y axis until the legend fits above the data, so the
    /// legend stays inside rather than taking a column beside the plot and squeezing it. Only for a y axis
    /// without a fixed maximum and a legend under 40% of the height; otherwise null (the legend goes outside).
    /// </summary>
    private Alignment? CornerAboveTheData(Plot plot)
    {
        var (widthFraction, heightFraction) = LegendFractions(plot);
        if (y.Max is not null || heightFraction >= 0.4 || widthFraction >= 0.9)
            return null;
        AxisLimits limits = plot.Axes.GetLimits();
        double span = limits.Top - limits.Bottom;
        double top = limits.Top + span * heightFraction / (1 - heightFraction);
        plot.Axes.SetLimitsY(limits.Bottom, top);
        return FreeCorner(plot) ?? Alignment.UpperRight;
    }

    /// <summary>The legend plus its margin from the frame, as fractions of the data area's width and height.</summary>
    private (double Width, double Height) LegendFractions(Plot plot)
    {
        using (plot.Legend.GetImage()) { } // measures the legend into LastRenderSize
        PixelSize legendSize = plot.Legend.LastRenderSize;
        bool hasColorBar = plot.Axes.GetPanels().OfType<ScottPlot.Panels.ColorBar>().Any();
        double dataWidth = Math.Max(1, width - HorizontalChrome - (hasColorBar ? ColorBarChrome : 0));
        double dataHeight = Math.Max(1, height - VerticalChrome);
        return ((legendSize.Width + 2 * plot.Legend.Margin.Horizontal) / dataWidth,
            (legendSize.Height + 2 * plot.Legend.Margin.Vertical) / dataHeight);
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
