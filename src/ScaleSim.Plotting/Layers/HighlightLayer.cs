using ScottPlot;

namespace ScaleSim.Plotting;

/// <summary>One emphasised point with a text label next to it (e.g. "Chinchilla 70B").</summary>
internal sealed class HighlightLayer : IFigureLayer
{
    private const float LabelOffset = 9;

    private readonly double pointX;
    private readonly double pointY;
    private readonly string label;
    private readonly Color color;
    private readonly LabelSide side;
    private readonly string what;

    public HighlightLayer(double x, double y, string label, Color? color, LabelSide side)
    {
        what = SeriesArguments.Describe("highlighted point", label);
        if (string.IsNullOrWhiteSpace(label))
            throw new ArgumentException("A highlighted point needs a label.", nameof(label));
        pointX = x;
        pointY = y;
        this.label = label;
        this.color = color ?? FigurePalette.Vermillion;
        if (!Enum.IsDefined(side))
            throw new ArgumentException($"{what}: unknown label side {side}.", nameof(side));
        this.side = side;
    }

    public void Check(AxisSpec x, AxisSpec y)
    {
        x.Check(pointX, $"{what}: x");
        y.Check(pointY, $"{what}: y");
    }

    public IEnumerable<Coordinates[]> Footprint(AxisSpec x, AxisSpec y) =>
        [[new Coordinates(x.ToPlot(pointX), y.ToPlot(pointY))]];

    public IEnumerable<FigureDataRow> Data(AxisSpec x, AxisSpec y) => [new FigureDataRow("highlight", label, pointX, pointY)];

    public void Draw(FigureCanvas canvas)
    {
        double xPlot = canvas.X.ToPlot(pointX), yPlot = canvas.Y.ToPlot(pointY);
        var marker = canvas.Plot.Add.Marker(xPlot, yPlot, MarkerShape.FilledCircle, 12, color);
        marker.MarkerStyle.OutlineColor = Colors.Black;
        marker.MarkerStyle.OutlineWidth = 1.5f;

        // Automatic: the side with more room, so the label stays inside the data area.
        bool left = side switch
        {
            LabelSide.UpperLeft or LabelSide.LowerLeft => true,
            LabelSide.UpperRight or LabelSide.LowerRight => false,
            _ => canvas.FractionX(xPlot) > 0.7,
        };
        bool below = side switch
        {
            LabelSide.LowerLeft or LabelSide.LowerRight => true,
            LabelSide.UpperLeft or LabelSide.UpperRight => false,
            _ => canvas.FractionY(yPlot) > 0.85,
        };
        // Near the bottom or top of the data a label on that side would be clipped by the frame: it takes the other.
        if (below && canvas.FractionY(yPlot) < 0.06) below = false;
        else if (!below && canvas.FractionY(yPlot) > 0.92) below = true;
        Alignment alignment = (left, below) switch
        {
            (false, false) => Alignment.LowerLeft,
            (true, false) => Alignment.LowerRight,
            (false, true) => Alignment.UpperLeft,
            (true, true) => Alignment.UpperRight,
        };
        canvas.AddText(label, xPlot, yPlot, alignment,
            offsetX: left ? -LabelOffset : LabelOffset,
            offsetY: below ? LabelOffset : -LabelOffset,
            size: FigureTheme.AnnotationSize + 1);
    }
}
