using ScottPlot;
using SkiaSharp;

namespace ScaleSim.Plotting;

/// <summary>
/// Draws dashed lines as explicit geometry: each dash becomes a filled outline, so no path effect ever
/// reaches the canvas. Every dashed line of a figure (series, reference lines, legend swatches) is drawn here,
/// never by ScottPlot.
/// </summary>
/// <remarks>
/// Why: ScottPlot 5.1.59 draws a dash pattern by setting an <see cref="SKPathEffect"/> on the one paint it
/// shares across the whole render, and its fill styles (markers, bars, label backgrounds, the legend box)
/// never clear it. SkiaSharp's SVG canvas (3.119) does not support path effects on rectangles and ovals:
/// for each one drawn after a dashed line it prints "Unsupported path effect in addPaint." to the process's
/// stderr, dozens of times for a residual plot. Keeping dashes off ScottPlot's paint avoids that by
/// construction, and drawing them as outlines keeps them dashed on any canvas, SVG or raster.
/// </remarks>
internal static class DashedStroke
{
    /// <summary>Whether the pattern has dashes (<see cref="LinePattern.Solid"/> has no intervals).</summary>
    public static bool IsDashed(LinePattern pattern) => pattern.Intervals is { Length: > 0 };

    /// <summary>Fills the outline of <paramref name="path"/> stroked <paramref name="width"/> pixels wide with the dash pattern.</summary>
    public static void Draw(SKCanvas canvas, SKPath path, float width, Color color, LinePattern pattern)
    {
        using SKPathEffect? dashes = pattern.GetPathEffect();
        using var stroke = new SKPaint { Style = SKPaintStyle.Stroke, StrokeWidth = width, PathEffect = dashes };
        using var outline = new SKPath();
        stroke.GetFillPath(path, outline);
        using var fill = new SKPaint { Style = SKPaintStyle.Fill, Color = color.ToSKColor(), IsAntialias = true };
        canvas.DrawPath(outline, fill);
    }
}
