using ScottPlot;

namespace ScaleSim.Plotting;

/// <summary>Points with symmetric vertical error bars (y ± error).</summary>
internal sealed class ErrorBarLayer : IFigureLayer
{
    private readonly double[] xs;
    private readonly double[] ys;
    private readonly double[] errors;
    private readonly string? label;
    private readonly SeriesStyle style;
    private readonly string what;

    public ErrorBarLayer(double[] xs, double[] ys, double[] yErrors, string? label, SeriesStyle? style)
    {
        what = SeriesArguments.Describe("error bars", label);
        SeriesArguments.RequireData(xs, nameof(xs), what);
        SeriesArguments.RequireData(ys, nameof(ys), what);
        SeriesArguments.RequireData(yErrors, nameof(yErrors), what);
        SeriesArguments.RequireSameLength(xs, nameof(xs), ys, nameof(ys), what);
        SeriesArguments.RequireSameLength(xs, nameof(xs), yErrors, nameof(yErrors), what);
        for (int i = 0; i < yErrors.Length; i++)
        {
            if (!double.IsFinite(yErrors[i]) || yErrors[i] < 0)
                throw new ArgumentException($"{what}: yErrors[{i}] is {yErrors[i]}; errors must be finite and non-negative.", nameof(yErrors));
        }
        this.xs = [.. xs];
        this.ys = [.. ys];
        errors = [.. yErrors];
        this.label = label;
        this.style = style ?? new SeriesStyle();
    }

    public void Check(AxisSpec x, AxisSpec y)
    {
        x.Check(xs, $"{what}: x");
        y.Check(ys, $"{what}: y");
        y.Check(ys.Select((v, i) => v - errors[i]).ToArray(), $"{what}: y − error");
        y.Check(ys.Select((v, i) => v + errors[i]).ToArray(), $"{what}: y + error");
    }

    public IEnumerable<Coordinates[]> Footprint(AxisSpec x, AxisSpec y) =>
        xs.Select((v, i) => new[]
        {
            new Coordinates(x.ToPlot(v), y.ToPlot(ys[i] - errors[i])),
            new Coordinates(x.ToPlot(v), y.ToPlot(ys[i] + errors[i])),
        });

    public IEnumerable<FigureDataRow> Data(AxisSpec x, AxisSpec y) =>
        xs.Select((v, i) => new FigureDataRow("error-bar", label ?? string.Empty, v, ys[i], ys[i] - errors[i], ys[i] + errors[i]));

    public void Draw(FigureCanvas canvas)
    {
        Color color = canvas.ColorFor(style);
        double[] xPlot = canvas.X.ToPlot(xs);
        double[] yPlot = canvas.Y.ToPlot(ys);
        // On a log axis y ± e is not symmetric around log10(y): give both halves explicitly.
        double[] above = ys.Select((v, i) => canvas.Y.ToPlot(v + errors[i]) - yPlot[i]).ToArray();
        double[] below = ys.Select((v, i) => yPlot[i] - canvas.Y.ToPlot(v - errors[i])).ToArray();

        var bars = new ScottPlot.Plottables.ErrorBar(xPlot, yPlot, null, null, above, below)
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
