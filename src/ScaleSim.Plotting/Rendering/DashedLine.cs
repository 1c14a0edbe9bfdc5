using ScottPlot;
using SkiaSharp;

namespace ScaleSim.Plotting;

/// <summary>
/// A dashed line through points given in plot coordinates, drawn by <see cref="DashedStroke"/> instead of
/// ScottPlot (see there for why). An infinite coordinate stands for that edge of the visible range, so
/// (x, −∞)–(x, +∞) is a vertical line across the data area.
/// </summary>
internal sealed class DashedLine(Coordinates[] points, float width, Color color, LinePattern pattern) : IPlottable
{
    public bool IsVisible { get; set; } = true;

    public IAxes Axes { get; set; } = new ScottPlot.Axes();

    public IEnumerable<LegendItem> LegendItems => LegendItem.None;

    /// <summary>Extent of the finite coordinates; a direction with none (a reference line's span) is left unset.</summary>
    public AxisLimits GetAxisLimits()
    {
        var (left, right) = FiniteRange(points.Select(p => p.X));
        var (bottom, top) = FiniteRange(points.Select(p => p.Y));
        return new AxisLimits(left, right, bottom, top);
    }

    public void Render(RenderPack rp)
    {
        using var path = new SKPath();
        for (int i = 0; i < points.Length; i++)
        {
            Pixel pixel = Axes.GetPixel(new Coordinates(Visible(points[i].X, Axes.XAxis), Visible(points[i].Y, Axes.YAxis)));
            if (i == 0)
                path.MoveTo(pixel.X, pixel.Y);
            else
                path.LineTo(pixel.X, pixel.Y);
        }
        DashedStroke.Draw(rp.Canvas, path, width, color, pattern);
    }

    private static double Visible(double value, IAxis axis) =>
        double.IsNegativeInfinity(value) ? axis.Min : double.IsPositiveInfinity(value) ? axis.Max : value;

    private static (double Min, double Max) FiniteRange(IEnumerable<double> values)
    {
        double[] finite = values.Where(double.IsFinite).ToArray();
        return finite.Length == 0 ? (double.NaN, double.NaN) : (finite.Min(), finite.Max());
    }
}
