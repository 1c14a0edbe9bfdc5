namespace ScaleSim.Fitting;

/// <summary>Cartesian grids of starting points for multi-start fits.</summary>
public static class StartGrid
{
    /// <summary>Evenly spaced values from <paramref name="from"/> to <paramref name="to"/> inclusive.</summary>
    public static double[] Range(double from, double to, double step)
    {
        int count = (int)Math.Floor((to - from) / step + 1e-9) + 1;
        return Enumerable.Range(0, count).Select(i => from + i * step).ToArray();
    }

    /// <summary>Every combination of one value per axis, the last axis varying fastest.</summary>
    public static IReadOnlyList<double[]> Product(params double[][] axes)
    {
        var points = new List<double[]> { Array.Empty<double>() };
        foreach (var axis in axes)
            points = points.SelectMany(p => axis.Select(v => p.Append(v).ToArray())).ToList();
        return points;
    }
}
