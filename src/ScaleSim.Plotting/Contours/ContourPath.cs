namespace ScaleSim.Plotting;

/// <summary>One connected piece of a contour line: a polyline at constant function value.</summary>
/// <param name="Level">The function value along the line.</param>
/// <param name="Xs">X coordinates of the vertices, in grid coordinates.</param>
/// <param name="Ys">Y coordinates of the vertices, in grid coordinates.</param>
/// <param name="IsClosed">Whether the line is a loop (its last vertex equals its first).</param>
public sealed record ContourPath(double Level, double[] Xs, double[] Ys, bool IsClosed)
{
    /// <summary>Number of vertices.</summary>
    public int Count => Xs.Length;
}
