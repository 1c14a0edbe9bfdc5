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

    public void Draw(FigureCanvas canvas)
    {
        Color color = canvas.ColorFor(style);
        var scatter = canvas.Plot.Add.Scatter(canvas.X.ToPlot(xs), canvas.Y.ToPlot(ys), color);
        scatter.LineWidth = kind == SeriesKind.Markers ? 0 : style.LineWidth ?? FigureTheme.LineWidth;
        scatter.LinePattern = style.Pattern;
        scatter.MarkerShape = kind == SeriesKind.Line ? MarkerShape.None : style.Marker;
        scatter.MarkerSize = kind == SeriesKind.Line ? 0 : style.MarkerSize ?? FigureTheme.MarkerSize;

        canvas.AddLegendEntry(
            label,
            line: kind == SeriesKind.Markers ? null : new LineStyle { Width = scatter.LineWidth, Color = color, Pattern = style.Pattern },
            marker: kind == SeriesKind.Line ? null : new MarkerStyle(scatter.MarkerShape, scatter.MarkerSize, color));
    }
}
