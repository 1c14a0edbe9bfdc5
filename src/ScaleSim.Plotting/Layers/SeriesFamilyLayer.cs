using ScottPlot;

namespace ScaleSim.Plotting;

/// <summary>
/// A family of series ordered by a value (e.g. training curves of models of different sizes),
/// each coloured along <see cref="FigurePalette.Sequential"/> by that value, keyed either by a
/// colour bar or by legend entries.
/// </summary>
internal sealed class SeriesFamilyLayer : IFigureLayer
{
    private readonly double[][] xs;
    private readonly double[][] ys;
    private readonly double[] colorValues;
    private readonly string colorLabel;
    private readonly AxisScale colorScale;
    private readonly string[]? seriesLabels;
    private readonly string what;

    public SeriesFamilyLayer(IReadOnlyList<double[]> xs, IReadOnlyList<double[]> ys, double[] colorValues,
        string colorLabel, AxisScale colorScale, string[]? seriesLabels)
    {
        what = SeriesArguments.Describe("series family", colorLabel);
        ArgumentNullException.ThrowIfNull(xs);
        ArgumentNullException.ThrowIfNull(ys);
        SeriesArguments.RequireData(colorValues, nameof(colorValues), what);
        if (xs.Count != colorValues.Length || ys.Count != colorValues.Length)
            throw new ArgumentException(
                $"{what}: got {xs.Count} x arrays, {ys.Count} y arrays and {colorValues.Length} colour values; there must be one of each per series.");
        if (seriesLabels is not null && seriesLabels.Length != colorValues.Length)
            throw new ArgumentException($"{what}: got {seriesLabels.Length} series labels for {colorValues.Length} series.", nameof(seriesLabels));
        for (int s = 0; s < colorValues.Length; s++)
        {
            string member = $"{what}, series {s}";
            SeriesArguments.RequireData(xs[s], $"xs[{s}]", member);
            SeriesArguments.RequireData(ys[s], $"ys[{s}]", member);
            SeriesArguments.RequireSameLength(xs[s], $"xs[{s}]", ys[s], $"ys[{s}]", member);
        }
        var colorAxis = new AxisSpec("colour") { Scale = colorScale };
        colorAxis.Check(colorValues, $"{what}: colorValues");

        this.xs = xs.Select(a => a.ToArray()).ToArray();
        this.ys = ys.Select(a => a.ToArray()).ToArray();
        this.colorValues = [.. colorValues];
        this.colorLabel = colorLabel;
        this.colorScale = colorScale;
        this.seriesLabels = seriesLabels?.ToArray();
    }

    public void Check(AxisSpec x, AxisSpec y)
    {
        for (int s = 0; s < xs.Length; s++)
        {
            x.Check(xs[s], $"{what}, series {s}: x");
            y.Check(ys[s], $"{what}, series {s}: y");
        }
    }

    public IEnumerable<Coordinates[]> Footprint(AxisSpec x, AxisSpec y) =>
        xs.Select((seriesX, s) => seriesX.Select((v, i) => new Coordinates(x.ToPlot(v), y.ToPlot(ys[s][i]))).ToArray());

    public IEnumerable<FigureDataRow> Data(AxisSpec x, AxisSpec y) =>
        Enumerable.Range(0, xs.Length).SelectMany(s =>
        {
            string series = seriesLabels?[s] ?? $"{colorLabel} = {colorValues[s].ToString("R", System.Globalization.CultureInfo.InvariantCulture)}";
            return xs[s].Select((v, i) => new FigureDataRow("family", series, v, ys[s][i]));
        });

    public void Draw(FigureCanvas canvas)
    {
        var colorAxis = new AxisSpec("colour") { Scale = colorScale };
        double[] positions = colorAxis.ToPlot(colorValues);
        double min = positions.Min(), max = positions.Max();
        if (max == min)
        {
            min -= 0.5;
            max += 0.5;
        }

        // Draw in order of the colour value so the legend reads smallest to largest.
        foreach (int s in Enumerable.Range(0, xs.Length).OrderBy(s => colorValues[s]))
        {
            Color color = FigurePalette.Sequential.GetColor((positions[s] - min) / (max - min));
            var line = canvas.Plot.Add.ScatterLine(canvas.X.ToPlot(xs[s]), canvas.Y.ToPlot(ys[s]), color);
            line.LineWidth = FigureTheme.LineWidth;
            line.MarkerSize = 0;
            if (seriesLabels is not null)
                canvas.AddLegendEntry(seriesLabels[s], line: new LineStyle { Width = FigureTheme.LineWidth, Color = color });
        }

        if (seriesLabels is null)
        {
            var colorBar = canvas.Plot.Add.ColorBar(new ColorScaleSource(min, max, FigurePalette.Sequential));
            colorBar.Label = colorLabel;
            colorBar.Width = 18;
            colorBar.Axis.TickGenerator = colorScale == AxisScale.Log ? new LogTickGenerator() : new LinearTickGenerator();
            FigureFont.Apply(colorBar.Axis.Label, FigureTheme.AxisLabelSize);
            FigureFont.Apply(colorBar.Axis.TickLabelStyle, FigureTheme.TickLabelSize);
        }
    }
}
