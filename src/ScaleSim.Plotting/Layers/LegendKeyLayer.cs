using ScottPlot;

namespace ScaleSim.Plotting;

/// <summary>
/// A legend entry that draws nothing on the data: one key for a kind of element drawn many times in different
/// colours (e.g. "parabola fit, one per budget"), so the legend names it once.
/// </summary>
internal sealed class LegendKeyLayer(string label, SeriesStyle style, SeriesKind kind) : IFigureLayer
{
    public void Check(AxisSpec x, AxisSpec y)
    {
        if (string.IsNullOrWhiteSpace(label))
            throw new ArgumentException("A legend key needs a label.", nameof(label));
    }

    public IEnumerable<Coordinates[]> Footprint(AxisSpec x, AxisSpec y) => [];

    public void Draw(FigureCanvas canvas)
    {
        Color color = style.Color ?? FigurePalette.Grey;
        float lineWidth = style.LineWidth ?? FigureTheme.LineWidth;
        canvas.AddLegendEntry(
            label,
            line: kind == SeriesKind.Markers ? null : new LineStyle { Width = lineWidth, Color = color, Pattern = style.Pattern },
            marker: kind == SeriesKind.Line ? null : new MarkerStyle(style.Marker, style.MarkerSize ?? FigureTheme.MarkerSize, color));
    }
}
