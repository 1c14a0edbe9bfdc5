using ScottPlot;

namespace ScaleSim.Plotting;

/// <summary>A translucent region between a lower and an upper curve, e.g. a confidence interval.</summary>
internal sealed class BandLayer : IFigureLayer
{
    private readonly double[] xs;
    private readonly double[] lower;
    private readonly double[] upper;
    private readonly string? label;
    private readonly Color? color;
    private readonly string what;

    public BandLayer(double[] xs, double[] lower, double[] upper, string? label, Color? color)
    {
        what = SeriesArguments.Describe("band", label);
        SeriesArguments.RequireData(xs, nameof(xs), what);
        SeriesArguments.RequireData(lower, nameof(lower), what);
        SeriesArguments.RequireData(upper, nameof(upper), what);
        SeriesArguments.RequireSameLength(xs, nameof(xs), lower, nameof(lower), what);
        SeriesArguments.RequireSameLength(xs, nameof(xs), upper, nameof(upper), what);
        for (int i = 0; i < xs.Length; i++)
        {
            if (lower[i] > upper[i])
                throw new ArgumentException($"{what}: lower[{i}] = {lower[i]} is above upper[{i}] = {upper[i]}.", nameof(lower));
        }
        this.xs = [.. xs];
        this.lower = [.. lower];
        this.upper = [.. upper];
        this.label = label;
        this.color = color;
    }

    public void Check(AxisSpec x, AxisSpec y)
    {
        x.Check(xs, $"{what}: x");
        y.Check(lower, $"{what}: lower");
        y.Check(upper, $"{what}: upper");
    }

    public IEnumerable<Coordinates[]> Footprint(AxisSpec x, AxisSpec y) =>
        xs.Select((v, i) => new[]
        {
            new Coordinates(x.ToPlot(v), y.ToPlot(lower[i])),
            new Coordinates(x.ToPlot(v), y.ToPlot(upper[i])),
        });

    public IEnumerable<FigureDataRow> Data(AxisSpec x, AxisSpec y) =>
        xs.Select((v, i) => new FigureDataRow("band", label ?? string.Empty, v, double.NaN, lower[i], upper[i]));

    public void Draw(FigureCanvas canvas)
    {
        Color baseColor = color ?? canvas.PeekNextColor();
        var fill = canvas.Plot.Add.FillY(canvas.X.ToPlot(xs), canvas.Y.ToPlot(upper), canvas.Y.ToPlot(lower));
        fill.FillColor = baseColor.WithAlpha(0.2);
        fill.LineWidth = 0;
        fill.MarkerSize = 0;
        canvas.AddLegendEntry(label, fill: new FillStyle { Color = baseColor.WithAlpha(0.2) });
    }
}
