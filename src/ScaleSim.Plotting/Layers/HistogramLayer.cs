using ScottPlot;

namespace ScaleSim.Plotting;

/// <summary>A histogram of samples drawn as adjoining bars (e.g. a bootstrap distribution).</summary>
internal sealed class HistogramLayer : IFigureLayer
{
    private readonly HistogramBins bins;
    private readonly string? label;
    private readonly Color? color;
    private readonly string what;

    public HistogramLayer(double[] samples, int binCount, string? label, Color? color)
    {
        what = SeriesArguments.Describe("histogram", label);
        SeriesArguments.RequireData(samples, nameof(samples), what);
        bins = HistogramBins.FromSamples(samples, binCount);
        this.label = label;
        this.color = color;
    }

    public void Check(AxisSpec x, AxisSpec y)
    {
        if (x.IsLog || y.IsLog)
            throw new ArgumentException($"{what}: histograms are drawn on linear axes; set both axes to AxisScale.Linear.");
    }

    public IEnumerable<Coordinates[]> Footprint(AxisSpec x, AxisSpec y)
    {
        // Each bar as a vertical stroke through its middle and its two sides: the legend must not hide bars.
        for (int i = 0; i < bins.Counts.Length; i++)
        {
            foreach (double at in new[] { bins.Edges[i], bins.Center(i), bins.Edges[i + 1] })
                yield return [new Coordinates(at, 0), new Coordinates(at, bins.Counts[i])];
        }
    }

    /// <summary>One row per bin: its centre, its count, and its edges as the low and high columns.</summary>
    public IEnumerable<FigureDataRow> Data(AxisSpec x, AxisSpec y) =>
        Enumerable.Range(0, bins.Counts.Length).Select(i =>
            new FigureDataRow("histogram", label ?? string.Empty, bins.Center(i), bins.Counts[i], bins.Edges[i], bins.Edges[i + 1]));

    public void Draw(FigureCanvas canvas)
    {
        Color baseColor = color ?? canvas.ColorFor(null);
        var bars = Enumerable.Range(0, bins.Counts.Length).Select(i => new Bar
        {
            Position = bins.Center(i),
            Value = bins.Counts[i],
            Size = bins.BinWidth,
            FillColor = baseColor.WithAlpha(0.55),
            LineColor = baseColor,
            LineWidth = 1,
        }).ToArray();
        canvas.Plot.Add.Bars(bars);
        canvas.AddLegendEntry(label, fill: new FillStyle { Color = baseColor.WithAlpha(0.55) });
    }
}
