using ScottPlot;

namespace ScaleSim.Plotting;

/// <summary>Text beside a data point, vertically centred on it (a label for a point drawn by another layer).</summary>
internal sealed class PointLabelLayer : IFigureLayer
{
    private const float Offset = 8;

    private readonly double pointX;
    private readonly double pointY;
    private readonly string text;
    private readonly bool? left;

    public PointLabelLayer(double x, double y, string text, bool? left)
    {
        if (string.IsNullOrWhiteSpace(text))
            throw new ArgumentException("A point label needs text.", nameof(text));
        pointX = x;
        pointY = y;
        this.text = text;
        this.left = left;
    }

    public void Check(AxisSpec x, AxisSpec y)
    {
        x.Check(pointX, $"point label '{text}': x");
        y.Check(pointY, $"point label '{text}': y");
    }

    public IEnumerable<Coordinates[]> Footprint(AxisSpec x, AxisSpec y) => [];

    public void Draw(FigureCanvas canvas)
    {
        double xPlot = canvas.X.ToPlot(pointX), yPlot = canvas.Y.ToPlot(pointY);
        // Unless told, the label goes right of the point, or left of it in the right third of the data area.
        bool onLeft = left ?? canvas.FractionX(xPlot) > 0.67;
        canvas.AddText(text, xPlot, yPlot, onLeft ? Alignment.MiddleRight : Alignment.MiddleLeft, offsetX: onLeft ? -Offset : Offset);
    }
}
