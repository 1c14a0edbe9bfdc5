using ScottPlot;

namespace ScaleSim.Plotting;

/// <summary>Free text placed at a data point.</summary>
internal sealed class AnnotationLayer : IFigureLayer
{
    private readonly double pointX;
    private readonly double pointY;
    private readonly string text;

    public AnnotationLayer(double x, double y, string text)
    {
        if (string.IsNullOrWhiteSpace(text))
            throw new ArgumentException("An annotation needs text.", nameof(text));
        pointX = x;
        pointY = y;
        this.text = text;
    }

    public void Check(AxisSpec x, AxisSpec y)
    {
        x.Check(pointX, $"annotation '{text}': x");
        y.Check(pointY, $"annotation '{text}': y");
    }

    public IEnumerable<Coordinates[]> Footprint(AxisSpec x, AxisSpec y) => [];

    public void Draw(FigureCanvas canvas) =>
        canvas.AddText(text, canvas.X.ToPlot(pointX), canvas.Y.ToPlot(pointY), Alignment.MiddleCenter);
}
