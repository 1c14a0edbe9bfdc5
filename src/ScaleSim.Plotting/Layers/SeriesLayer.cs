using ScottPlot;

namespace ScaleSim.Plotting;

/// <summary>A series of (x, y) points drawn as a line, as markers, or both.</summary>
internal sealed class SeriesLayer : IFigureLayer
{
    private readonly double[] xs;
    private readonly double[] ys;
    private readonly string? label;
    private readonly SeriesStyle style;
    private readonly SeriesKind kind;
    private readonly string what;

    public SeriesLayer(double[] xs, double[] ys, string? label, SeriesStyle? style, SeriesKind kind)
    {
        what = SeriesArguments.Describe(kind == SeriesKind.Markers ? "scatter" : "line", label);
        SeriesArguments.RequireData(xs, nameof(xs), what);
        SeriesArguments.RequireData(ys, nameof(ys), what);
        SeriesArguments.RequireSameLength(xs, nameof(xs), ys, nameof(ys), what);
        this.xs = [.. xs];
        this.ys = [.. ys];
        this.label = label;
        this.style = style ?? new SeriesStyle();
        this.kind = kind;
    }

    public void Check(AxisSpec x, AxisSpec y)
    {
        x.Check(xs, $"{what}: x");
        y.Check(ys, $"{what}: y");
    }

    public IEnumerable<Coordinates[]> Footprint(AxisSpec x, AxisSpec y)
    {
        Coordinates[] points = xs.Select((v, i) => new Coordinates(x.ToPlot(v), y.ToPlot(ys[i]))).ToArray();
        if (kind == SeriesKind.Markers)
            return points.Select(p => new[] { p });
        return [points];
    }

    public IEnumerable<FigureDataRow> Data(AxisSpec x, AxisSpec y)
    {
        string layer = kind == SeriesKind.Markers ? "markers" : "line";
        return xs.Select((v, i) => new FigureDataRow(layer, label ?? string.Empty, v, ys[i]));
    }

    public void Draw(FigureCanvas canvas)
    {
        Color color = canvas.ColorFor(style);
        double[] xPlot = canvas.X.ToPlot(xs), yPlot = canvas.Y.ToPlot(ys);
        float lineWidth = kind == SeriesKind.Markers ? 0 : style.LineWidth ?? FigureTheme.LineWidth;

        // ScottPlot must not stroke a dash pattern (see DashedStroke): a dashed line is a DashedLine,
        // drawn below the scatter, which then keeps only the markers.
        bool dashed = lineWidth > 0 && DashedStroke.IsDashed(style.Pattern);
        if (dashed)
            canvas.Plot.Add.Plottable(new DashedLine(xPlot.Zip(yPlot, (x, y) => new Coordinates(x, y)).ToArray(), lineWidth, color, style.Pattern));
        var scatter = canvas.Plot.Add.Scatter(xPlot, yPlot, color);
        scatter.LineWidth = dashed ? 0 : lineWidth;
        scatter.MarkerShape = kind == SeriesKind.Line ? MarkerShape.None : style.Marker;
        scatter.MarkerSize = kind == SeriesKind.Line ? 0 : style.MarkerSize ?? FigureTheme.MarkerSize;

        canvas.AddLegendEntry(
            label,
            line: kind == SeriesKind.Markers ? null : new LineStyle { Width = lineWidth, Color = color, Pattern = style.Pattern },
            marker: kind == SeriesKind.Line ? null : new MarkerStyle(scatter.MarkerShape, scatter.MarkerSize, color));
    }
}
