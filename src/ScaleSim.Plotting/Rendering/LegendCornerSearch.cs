using ScottPlot;

namespace ScaleSim.Plotting;

/// <summary>
/// Finds a corner of the data area where a legend of a given size covers none of the drawn data.
/// </summary>
internal static class LegendCornerSearch
{
    /// <summary>Corners in order of preference.</summary>
    private static readonly Alignment[] Corners =
        [Alignment.UpperRight, Alignment.UpperLeft, Alignment.LowerLeft, Alignment.LowerRight];

    /// <summary>Spacing, as a fraction of the data area, at which polylines are sampled.</summary>
    private const double SampleStep = 0.004;

    /// <summary>
    /// The first corner whose box (<paramref name="widthFraction"/> × <paramref name="heightFraction"/>
    /// of the visible area) covers nothing; failing that, the first that covers only guides; null if
    /// every corner would hide data.
    /// </summary>
    /// <param name="data">Footprints of data that must stay visible.</param>
    /// <param name="guides">Footprints of reference and contour lines, which a legend may partly cover.</param>
    /// <param name="limits">Visible area in plot coordinates.</param>
    /// <param name="widthFraction">Legend width as a fraction of the data area's width.</param>
    /// <param name="heightFraction">Legend height as a fraction of the data area's height.</param>
    public static Alignment? FindFreeCorner(IEnumerable<Coordinates[]> data, IEnumerable<Coordinates[]> guides,
        AxisLimits limits, double widthFraction, double heightFraction)
    {
        if (widthFraction >= 0.95 || heightFraction >= 0.95)
            return null;

        bool[] coversData = CoveredCorners(data, limits, widthFraction, heightFraction);
        bool[] coversGuides = CoveredCorners(guides, limits, widthFraction, heightFraction);
        for (int c = 0; c < Corners.Length; c++)
        {
            if (!coversData[c] && !coversGuides[c])
                return Corners[c];
        }
        for (int c = 0; c < Corners.Length; c++)
        {
            if (!coversData[c])
                return Corners[c];
        }
        return null;
    }

    /// <summary>For each corner, whether a legend box there would cover a sample of the footprints.</summary>
    private static bool[] CoveredCorners(IEnumerable<Coordinates[]> footprints, AxisLimits limits,
        double widthFraction, double heightFraction)
    {
        var occupied = new bool[Corners.Length];
        foreach (Coordinates[] polyline in footprints)
        {
            for (int i = 0; i < polyline.Length; i++)
            {
                (double u0, double v0) = Normalize(polyline[i], limits);
                if (polyline.Length == 1 || i == polyline.Length - 1)
                {
                    Mark(u0, v0);
                    continue;
                }
                (double u1, double v1) = Normalize(polyline[i + 1], limits);
                if (!ClipToView(ref u0, ref v0, ref u1, ref v1))
                    continue;
                int steps = (int)Math.Clamp(Math.Ceiling(Math.Max(Math.Abs(u1 - u0), Math.Abs(v1 - v0)) / SampleStep), 1, 2000);
                for (int s = 0; s < steps; s++)
                {
                    double t = (double)s / steps;
                    Mark(u0 + (u1 - u0) * t, v0 + (v1 - v0) * t);
                }
            }
        }

        return occupied;

        void Mark(double u, double v)
        {
            if (!double.IsFinite(u) || !double.IsFinite(v))
                return;
            bool right = u >= 1 - widthFraction, left = u <= widthFraction;
            bool top = v >= 1 - heightFraction, bottom = v <= heightFraction;
            if (top && right) occupied[0] = true;
            if (top && left) occupied[1] = true;
            if (bottom && left) occupied[2] = true;
            if (bottom && right) occupied[3] = true;
        }
    }

    /// <summary>Normalised position in the visible area (0..1 inside); infinite coordinates stay infinite.</summary>
    private static (double U, double V) Normalize(Coordinates point, AxisLimits limits) =>
        ((point.X - limits.Left) / (limits.Right - limits.Left), (point.Y - limits.Bottom) / (limits.Top - limits.Bottom));

    /// <summary>
    /// Clips the segment to the visible area (slightly enlarged), Liang–Barsky style, so segments
    /// reaching far outside (or to infinity, like reference lines) are sampled only where they show.
    /// Returns false when nothing of the segment is visible.
    /// </summary>
    private static bool ClipToView(ref double u0, ref double v0, ref double u1, ref double v1)
    {
        const double low = -0.05, high = 1.05, far = 1e6;
        u0 = Math.Clamp(u0, -far, far);
        v0 = Math.Clamp(v0, -far, far);
        u1 = Math.Clamp(u1, -far, far);
        v1 = Math.Clamp(v1, -far, far);
        if (double.IsNaN(u0) || double.IsNaN(v0) || double.IsNaN(u1) || double.IsNaN(v1))
            return false;

        double du = u1 - u0, dv = v1 - v0, tEnter = 0, tExit = 1;
        foreach (var (p, q) in new[] { (-du, u0 - low), (du, high - u0), (-dv, v0 - low), (dv, high - v0) })
        {
            if (p == 0)
            {
                if (q < 0)
                    return false;
                continue;
            }
            double t = q / p;
            if (p < 0)
                tEnter = Math.Max(tEnter, t);
            else
                tExit = Math.Min(tExit, t);
        }
        if (tEnter > tExit)
            return false;
        (u0, v0, u1, v1) = (u0 + tEnter * du, v0 + tEnter * dv, u0 + tExit * du, v0 + tExit * dv);
        return true;
    }
}
