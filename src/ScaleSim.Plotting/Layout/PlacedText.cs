namespace ScaleSim.Plotting;

/// <summary>A piece of text as rendered, with its box in pixels (origin top left).</summary>
/// <param name="Kind">title, axis-label, tick-label, annotation or legend.</param>
/// <param name="Text">The text.</param>
/// <param name="Left">Left edge, pixels.</param>
/// <param name="Top">Top edge, pixels.</param>
/// <param name="Right">Right edge, pixels.</param>
/// <param name="Bottom">Bottom edge, pixels.</param>
public sealed record PlacedText(string Kind, string Text, double Left, double Top, double Right, double Bottom)
{
    /// <summary>Whether the box lies within the rectangle, allowing <paramref name="slack"/> pixels.</summary>
    public bool IsWithin(double left, double top, double right, double bottom, double slack = 1) =>
        Left >= left - slack && Top >= top - slack && Right <= right + slack && Bottom <= bottom + slack;

    /// <summary>Whether the two boxes share more than <paramref name="slack"/> pixels in both directions.</summary>
    public bool Overlaps(PlacedText other, double slack = 1) =>
        Math.Min(Right, other.Right) - Math.Max(Left, other.Left) > slack &&
        Math.Min(Bottom, other.Bottom) - Math.Max(Top, other.Top) > slack;
}
