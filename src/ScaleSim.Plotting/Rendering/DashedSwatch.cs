using ScottPlot;
using SkiaSharp;

namespace ScaleSim.Plotting;

/// <summary>
/// Legend symbol of a dashed line: the swatch drawn by <see cref="DashedStroke"/> (ScottPlot's legend would
/// stroke it through its shared paint; see there), then the item's own marker, if any, on top. ScottPlot's
/// legend offers one drawing hook per item, the marker renderer, so this stands in as the item's marker.
/// </summary>
internal sealed class DashedSwatch(LineStyle line, float symbolWidth) : IMarker
{
    public void Render(SKCanvas canvas, Paint paint, Pixel center, float size, MarkerStyle markerStyle)
    {
        // The legend makes the symbol as wide as the wider of its symbol width and the marker.
        float half = Math.Max(symbolWidth, size) / 2;
        using var path = new SKPath();
        // Right to left, the direction ScottPlot draws legend lines in, so the dashes fall where they used to.
        path.MoveTo(center.X + half, center.Y);
        path.LineTo(center.X - half, center.Y);
        DashedStroke.Draw(canvas, path, line.Width, line.Color, line.Pattern);

        if (markerStyle.Shape != MarkerShape.None)
            markerStyle.Shape.GetMarker().Render(canvas, paint, center, size, markerStyle);
    }
}
