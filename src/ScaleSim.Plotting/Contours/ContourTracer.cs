namespace ScaleSim.Plotting;

/// <summary>
/// Traces contour lines of a function sampled on a rectangular grid (marching squares),
/// joining the per-cell segments into polylines.
/// </summary>
/// <remarks>
/// Each grid cell's corners are classified as at-or-above / below the level; an edge whose ends
/// differ is crossed where linear interpolation between its ends reaches the level. Saddle cells
/// (diagonal corners alike, four crossings) are resolved by the mean of the four corners.
/// Cells with a non-finite corner are skipped, so a contour stops there.
/// ScottPlot 5.1.59 has ContourLines, but it labels lines by drawing text along the path over
/// the line itself; tracing here lets figures place upright labels that interrupt the line.
/// </remarks>
public static class ContourTracer
{
    /// <summary>Traces the contour at <paramref name="level"/>.</summary>
    /// <param name="xs">Grid x coordinates, strictly increasing (at least 2).</param>
    /// <param name="ys">Grid y coordinates, strictly increasing (at least 2).</param>
    /// <param name="values">Function values, <c>values[i, j]</c> at (<c>xs[i]</c>, <c>ys[j]</c>).</param>
    /// <param name="level">The function value to trace.</param>
    public static IReadOnlyList<ContourPath> Trace(double[] xs, double[] ys, double[,] values, double level)
    {
        Validate(xs, ys, values);
        if (!double.IsFinite(level))
            throw new ArgumentException($"Contour level must be finite, got {level}.", nameof(level));

        var points = new Dictionary<long, (double X, double Y)>();
        var segments = new List<(long A, long B)>();
        int nx = xs.Length, ny = ys.Length;

        for (int i = 0; i < nx - 1; i++)
        {
            for (int j = 0; j < ny - 1; j++)
            {
                double v00 = values[i, j], v10 = values[i + 1, j], v11 = values[i + 1, j + 1], v01 = values[i, j + 1];
                if (!double.IsFinite(v00) || !double.IsFinite(v10) || !double.IsFinite(v11) || !double.IsFinite(v01))
                    continue;

                // Edges of the cell, named by side; each key identifies the edge in the whole grid.
                long bottom = HorizontalEdge(i, j, ny), top = HorizontalEdge(i, j + 1, ny);
                long left = VerticalEdge(i, j, ny), right = VerticalEdge(i + 1, j, ny);
                bool a00 = v00 >= level, a10 = v10 >= level, a11 = v11 >= level, a01 = v01 >= level;

                var crossed = new List<long>(4);
                if (a00 != a10) { crossed.Add(bottom); points[bottom] = (Lerp(xs[i], xs[i + 1], v00, v10, level), ys[j]); }
                if (a10 != a11) { crossed.Add(right); points[right] = (xs[i + 1], Lerp(ys[j], ys[j + 1], v10, v11, level)); }
                if (a01 != a11) { crossed.Add(top); points[top] = (Lerp(xs[i], xs[i + 1], v01, v11, level), ys[j + 1]); }
                if (a00 != a01) { crossed.Add(left); points[left] = (xs[i], Lerp(ys[j], ys[j + 1], v00, v01, level)); }

                if (crossed.Count == 2)
                {
                    segments.Add((crossed[0], crossed[1]));
                }
                else if (crossed.Count == 4)
                {
                    bool centreAbove = (v00 + v10 + v11 + v01) / 4 >= level;
                    if (centreAbove == a00)
                    {
                        // The centre joins the lower-left and upper-right corners: cut off the other two.
                        segments.Add((bottom, right));
                        segments.Add((left, top));
                    }
                    else
                    {
                        segments.Add((left, bottom));
                        segments.Add((top, right));
                    }
                }
            }
        }

        return JoinSegments(segments, points, level);
    }

    /// <summary>Samples <paramref name="function"/> on the grid: result[i, j] = function(xs[i], ys[j]).</summary>
    public static double[,] Sample(double[] xs, double[] ys, Func<double, double, double> function)
    {
        ArgumentNullException.ThrowIfNull(xs);
        ArgumentNullException.ThrowIfNull(ys);
        ArgumentNullException.ThrowIfNull(function);
        var values = new double[xs.Length, ys.Length];
        for (int i = 0; i < xs.Length; i++)
            for (int j = 0; j < ys.Length; j++)
                values[i, j] = function(xs[i], ys[j]);
        return values;
    }

    private static void Validate(double[] xs, double[] ys, double[,] values)
    {
        ArgumentNullException.ThrowIfNull(xs);
        ArgumentNullException.ThrowIfNull(ys);
        ArgumentNullException.ThrowIfNull(values);
        if (xs.Length < 2 || ys.Length < 2)
            throw new ArgumentException($"A contour grid needs at least 2×2 points, got {xs.Length}×{ys.Length}.");
        if (values.GetLength(0) != xs.Length || values.GetLength(1) != ys.Length)
            throw new ArgumentException(
                $"Grid values are {values.GetLength(0)}×{values.GetLength(1)} but the coordinates are {xs.Length}×{ys.Length}; values[i, j] must belong to (xs[i], ys[j]).",
                nameof(values));
        CheckIncreasing(xs, nameof(xs));
        CheckIncreasing(ys, nameof(ys));
    }

    private static void CheckIncreasing(double[] coordinates, string name)
    {
        for (int i = 1; i < coordinates.Length; i++)
        {
            if (!(coordinates[i] > coordinates[i - 1]))
                throw new ArgumentException($"Grid coordinates {name} must be finite and strictly increasing; {name}[{i}] = {coordinates[i]} follows {coordinates[i - 1]}.", name);
        }
    }

    private static double Lerp(double p0, double p1, double v0, double v1, double level) =>
        p0 + (p1 - p0) * ((level - v0) / (v1 - v0));

    private static long HorizontalEdge(int i, int j, int ny) => 2L * ((long)i * ny + j);

    private static long VerticalEdge(int i, int j, int ny) => 2L * ((long)i * ny + j) + 1;

    private static List<ContourPath> JoinSegments(List<(long A, long B)> segments, Dictionary<long, (double X, double Y)> points, double level)
    {
        var byEdge = new Dictionary<long, List<int>>();
        for (int s = 0; s < segments.Count; s++)
        {
            Attach(byEdge, segments[s].A, s);
            Attach(byEdge, segments[s].B, s);
        }

        var used = new bool[segments.Count];
        var paths = new List<ContourPath>();

        // Open lines start at an edge used by one segment only (the grid boundary or a skipped cell).
        foreach (var (edge, attached) in byEdge.OrderBy(e => e.Key))
        {
            if (attached.Count == 1 && !used[attached[0]])
                paths.Add(Walk(edge, segments, byEdge, used, points, level));
        }

        // Whatever remains forms loops.
        for (int s = 0; s < segments.Count; s++)
        {
            if (!used[s])
                paths.Add(Walk(segments[s].A, segments, byEdge, used, points, level));
        }
        return paths;
    }

    private static void Attach(Dictionary<long, List<int>> byEdge, long edge, int segment)
    {
        if (!byEdge.TryGetValue(edge, out var list))
            byEdge[edge] = list = new List<int>(2);
        list.Add(segment);
    }

    private static ContourPath Walk(long start, List<(long A, long B)> segments, Dictionary<long, List<int>> byEdge,
        bool[] used, Dictionary<long, (double X, double Y)> points, double level)
    {
        var edges = new List<long> { start };
        long current = start;
        bool closed = false;
        while (true)
        {
            int next = byEdge[current].FirstOrDefault(s => !used[s], -1);
            if (next < 0)
                break;
            used[next] = true;
            current = segments[next].A == current ? segments[next].B : segments[next].A;
            edges.Add(current);
            if (current == start)
            {
                closed = true;
                break;
            }
        }
        return new ContourPath(level, edges.Select(e => points[e].X).ToArray(), edges.Select(e => points[e].Y).ToArray(), closed);
    }
}
