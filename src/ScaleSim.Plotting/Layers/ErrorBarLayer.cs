using ScottPlot;

namespace ScaleSim.Plotting;

/// <summary>
/// Points with vertical error bars from lows[i] to highs[i]. An interval need not be symmetric about its point, nor
/// even hold it (a bootstrap percentile interval may not); each is drawn as it is.
/// </summary>
internal sealed class ErrorBarLayer : IFigureLayer
{
    private readonly double[] xs;
    private readonly double[] ys;
    private readonly double[] lows;
    private readonly double[] highs;
    private readonly string? label;
    private readonly SeriesStyle style;
    private readonly string what;

    public ErrorBarLayer(double[] xs, double[] ys, double[] lows, double[] highs, string? label, SeriesStyle? style)
    {
        what = SeriesArguments.Describe("error bars", label);
        SeriesArguments.RequireData(xs, nameof(xs), what);
        SeriesArguments.RequireData(ys, nameof(ys), what);
        SeriesArguments.RequireData(lows, nameof(lows), what);
        SeriesArguments.RequireData(highs, nameof(highs), what);
        SeriesArguments.RequireSameLength(xs, nameof(xs), ys, nameof(ys), what);
        SeriesArguments.RequireSameLength(xs, nameof(xs), lows, nameof(lows), what);
        SeriesArguments.RequireSameLength(xs, nameof(xs), highs, nameof(highs), what);
        for (int i = 0; i < ys.Length; i++)
        {
            if (!double.IsFinite(lows[i]) || !double.IsFinite(highs[i]) || !(lows[i] <= highs[i]))
                throw new ArgumentException($"{what}: point {i} has the interval [{lows[i]}, {highs[i]}]; an interval must be finite, its low no higher than its high.", nameof(lows));
        }
        this.xs = [.. xs];
        this.ys = [.. ys];
        this.lows = [.. lows];
        this.highs = [.. highs];
        this.label = label;
        this.style = style ?? new SeriesStyle();
    }

    public void Check(AxisSpec x, AxisSpec y)
    {
        x.Check(xs, $"{what}: x");
        y.Check(ys, $"{what}: y");
        y.Check(lows, $"{what}: interval low");
        y.Check(highs, $"{what}: interval high");
    }

    public IEnumerable<Coordinates[]> Footprint(AxisSpec x, AxisSpec y) =>
        xs.Select((v, i) => new[]
        {
            new Coordinates(x.ToPlot(v), y.ToPlot(lows[i])),
            new Coordinates(x.ToPlot(v), y.ToPlot(highs[i])),
        });

    public IEnumerable<FigureDataRow> Data(AxisSpec x, AxisSpec y) =>
        xs.Select((v, i) => new FigureDataRow("error-bar", label ?? string.Empty, v, ys[i], lows[i], highs[i]));

    public void Draw(FigureCanvas canvas)
    {
        Color color = canvas.ColorFor(style);
        double[] xPlot = canvas.X.ToPlot(xs);
        double[] yPlot = canvas.Y.ToPlot(ys);
        // Each bar is drawn about its own middle in plot space, apart from its point: the interval may be asymmetric
        // about the point (and on a log axis even y ± e is), or may not hold it at all.
        double[] lowPlot = canvas.Y.ToPlot(lows), highPlot = canvas.Y.ToPlot(highs);
        double[] middle = lowPlot.Select((v, i) => (v + highPlot[i]) / 2).ToArray();
        double[] half = lowPlot.Select((v, i) => (highPlot[i] - v) / 2).ToArray();

        var bars = new ScottPlot.Plottables.ErrorBar(xPlot, middle, null, null, half, half)
        {
            LineWidth = 1.5f,
            CapSize = 4,
            Color = color,
        };
        canvas.Plot.Add.Plottable(bars);

        var points = canvas.Plot.Add.ScatterPoints(xPlot, yPlot, color);
        points.MarkerShape = style.Marker;
        points.MarkerSize = style.MarkerSize ?? FigureTheme.MarkerSize;

        canvas.AddLegendEntry(label, marker: new MarkerStyle(points.MarkerShape, points.MarkerSize, color));
    }
}
