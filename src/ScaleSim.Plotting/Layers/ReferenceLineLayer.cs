using ScottPlot;

namespace ScaleSim.Plotting;

/// <summary>A vertical or horizontal line across the whole data area, named in the legend.</summary>
internal sealed class ReferenceLineLayer : IFigureLayer
{
    private readonly bool vertical;
    private readonly double value;
    private readonly string? label;
    private readonly SeriesStyle style;
    private readonly string what;

    public ReferenceLineLayer(bool vertical, double value, string? label, SeriesStyle? style)
    {
        this.vertical = vertical;
        this.value = value;
        this.label = label;
        this.style = style ?? new SeriesStyle { Color = FigurePalette.Grey, Dash = LineDash.Dashed, LineWidth = 1.5f };
        what = SeriesArguments.Describe(vertical ? "vertical line" : "horizontal line", label);
    }

    public bool IsGuide => true;

    public void Check(AxisSpec x, AxisSpec y) =>
        (vertical ? x : y).Check(value, $"{what}: {(vertical ? "x" : "y")}");

    /// <summary>The line spans the data area: infinite ends, which the legend search clips.</summary>
    public IEnumerable<Coordinates[]> Footprint(AxisSpec x, AxisSpec y) => vertical
        ? [[new Coordinates(x.ToPlot(value), double.NegativeInfinity), new Coordinates(x.ToPlot(value), double.PositiveInfinity)]]
        : [[new Coordinates(double.NegativeInfinity, y.ToPlot(value)), new Coordinates(double.PositiveInfinity, y.ToPlot(value))]];

    public IEnumerable<FigureDataRow> Data(AxisSpec x, AxisSpec y) =>
        [new FigureDataRow("reference", label ?? string.Empty, vertical ? value : double.NaN, vertical ? double.NaN : value)];

    public void Draw(FigureCanvas canvas)
    {
        Color color = canvas.ColorFor(style);
        float width = style.LineWidth ?? FigureTheme.LineWidth;
        if (DashedStroke.IsDashed(style.Pattern))
        {
            // ScottPlot must not stroke the dashes (see DashedStroke); the footprint's infinite ends span the data area.
            canvas.Plot.Add.Plottable(new DashedLine(Footprint(canvas.X, canvas.Y).Single(), width, color, style.Pattern));
        }
        else
        {
            ScottPlot.Plottables.AxisLine line = vertical
                ? canvas.Plot.Add.VerticalLine(canvas.X.ToPlot(value), width, color)
                : canvas.Plot.Add.HorizontalLine(canvas.Y.ToPlot(value), width, color);
            // The line carries no text of its own (ScottPlot would draw it over the tick labels); still pin its font.
            FigureFont.Apply(line.LabelStyle, FigureTheme.AnnotationSize);
            line.ExcludeFromLegend = true;
        }
        canvas.AddLegendEntry(label, line: new LineStyle { Width = width, Color = color, Pattern = style.Pattern });
    }
}
