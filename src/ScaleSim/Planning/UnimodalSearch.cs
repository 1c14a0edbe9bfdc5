namespace ScaleSim.Planning;

/// <summary>
/// Minimises a function of one variable that has a single basin but may have kinks, flat stretches or infinite
/// values at the ends (the planners' objectives in log N): a grid scan finds the lowest sample, then golden-section
/// search refines between that sample's neighbours.
/// </summary>
internal static class UnimodalSearch
{
    private static readonly double InverseGolden = (Math.Sqrt(5) - 1) / 2;

    /// <summary>The x in [<paramref name="lo"/>, <paramref name="hi"/>] with the lowest f; NaN when f is nowhere finite.</summary>
    public static double Minimize(Func<double, double> f, double lo, double hi, int gridPoints = 241, double tolerance = 1e-11)
    {
        int best = -1;
        double bestValue = double.PositiveInfinity;
        for (int i = 0; i < gridPoints; i++)
        {
            double v = f(lo + (hi - lo) * i / (gridPoints - 1));
            if (v < bestValue) (best, bestValue) = (i, v);
        }
        if (best < 0) return double.NaN;

        double a = lo + (hi - lo) * Math.Max(best - 1, 0) / (gridPoints - 1);
        double b = lo + (hi - lo) * Math.Min(best + 1, gridPoints - 1) / (gridPoints - 1);
        double c = b - InverseGolden * (b - a), d = a + InverseGolden * (b - a);
        double fc = f(c), fd = f(d);
        while (b - a > tolerance * Math.Max(1, Math.Abs(a)))
        {
            if (fc <= fd) { b = d; d = c; fd = fc; c = b - InverseGolden * (b - a); fc = f(c); }
            else { a = c; c = d; fc = fd; d = a + InverseGolden * (b - a); fd = f(d); }
        }
        double x = 0.5 * (a + b);
        // The grid point itself wins if the refinement could not beat it (e.g. at an end of the range).
        double gridX = lo + (hi - lo) * best / (gridPoints - 1);
        return f(x) <= bestValue ? x : gridX;
    }
}
