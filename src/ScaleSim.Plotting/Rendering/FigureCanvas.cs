using ScottPlot;
using ScottPlot.Plottables;

namespace ScaleSim.Plotting;

/// <summary>
/// What layers draw onto while a figure is rendered: the ScottPlot plot, both axes,
/// the colour cycle and the legend entries. Every text it creates uses <see cref="FigureFont"/>.
/// </summary>
internal sealed class FigureCanvas(Plot plot, AxisSpec x, AxisSpec y, CoordinateRect dataBounds, IReadOnlyList<Coordinates>? occupied = null)
{
    private int nextColor;

    public Plot Plot { get; } = plot;

    public AxisSpec X { get; } = x;

    public AxisSpec Y { get; } = y;

    /// <summary>Extent of all layers' data, in plot coordinates (before margins).</summary>
    public CoordinateRect DataBounds { get; } = dataBounds;

    public List<LegendItem> LegendItems { get; } = [];

    /// <summary>Points (plot coordinates) on the data layers' lines and markers, where a label placed by a guide would cover data.</summary>
    public IReadOnlyList<Coordinates> Occupied { get; } = occupied ?? [];

    /// <summary>The style's colour, or else the next palette colour.</summary>
    public Color ColorFor(SeriesStyle? style) => style?.Color ?? FigurePalette.Series(nextColor++);

    /// <summary>The colour the next series without its own colour will get (without taking it).</summary>
    public Color PeekNextColor() => FigurePalette.Series(nextColor);

    /// <summary>Adds a legend entry unless <paramref name="label"/> is empty.</summary>
    public void AddLegendEntry(string? label, LineStyle? line = null, MarkerStyle? marker = null, FillStyle? fill = null)
    {
        if (string.IsNullOrWhiteSpace(label))
            return;
        if (line is not null && DashedStroke.IsDashed(line.Pattern))
        {
            // ScottPlot must not stroke the dashes (see DashedStroke): the item's marker draws the swatch.
            marker ??= MarkerStyle.None;
            marker.CustomRenderer = new DashedSwatch(line, FigureTheme.LegendSymbolWidth);
            line = null;
        }
        var item = new LegendItem
        {
            LabelText = label,
            LineStyle = line ?? new LineStyle { Width = 0 },
            MarkerStyle = marker ?? MarkerStyle.None,
            FillStyle = fill ?? new FillStyle { Color = Colors.Transparent },
        };
        FigureFont.Apply(item.LabelStyle, FigureTheme.LegendSize);
        item.LabelStyle.ForeColor = FigureTheme.Ink;
        LegendItems.Add(item);
    }

    /// <summary>Adds text at a point given in plot coordinates, on a translucent white background.</summary>
    public Text AddText(string text, double xPlot, double yPlot, Alignment alignment, float offsetX = 0, float offsetY = 0,
        Color? color = null, float? size = null)
    {
        Text label = Plot.Add.Text(text, xPlot, yPlot);
        FigureFont.Apply(label.LabelStyle, size ?? FigureTheme.AnnotationSize);
        label.LabelFontColor = color ?? FigureTheme.Ink;
        label.LabelBackgroundColor = Colors.White.WithAlpha(0.85);
        label.LabelPixelPadding = new PixelPadding(3, 3, 2, 2);
        label.Alignment = alignment;
        label.OffsetX = offsetX;
        label.OffsetY = offsetY;
        return label;
    }

    /// <summary>Fraction (0..1) of the data bounds at which a plot coordinate lies horizontally.</summary>
    public double FractionX(double xPlot) =>
        DataBounds.Width > 0 ? (xPlot - DataBounds.Left) / DataBounds.Width : 0.5;

    /// <summary>Fraction (0..1) of the data bounds at which a plot coordinate lies vertically.</summary>
    public double FractionY(double yPlot) =>
        DataBounds.Height > 0 ? (yPlot - DataBounds.Bottom) / DataBounds.Height : 0.5;
}
