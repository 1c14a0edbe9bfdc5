using ScottPlot;

namespace ScaleSim.Plotting;

/// <summary>
/// Chooses and labels ticks for a logarithmic axis. Positions are in log10 space, because a
/// log axis here is drawn by plotting log10 of the data (ScottPlot has no native log scale).
/// </summary>
/// <remarks>
/// Three regimes, picked by how many decades are visible:
/// <list type="bullet">
/// <item>three or more powers of ten in view: label decades, every <c>s</c>-th one when they
/// would crowd (1e4..1e28 gets 10⁴, 10⁸, …), minor ticks at 2..9 × 10ᵏ or at the skipped decades;</item>
/// <item>fewer: label 1-3, 1-2-5 or 1..9 × 10ᵏ, the densest of these sets whose labels do not
/// overlap (a loss axis 1.8–4 gets 2, 3, 4), unless that gives fewer than four labels on an axis shorter than a
/// decade and evenly spaced values give more;</item>
/// <item>still fewer than three: evenly spaced "nice" values (1.9, 2.0, 2.1, …) placed at their logarithms.</item>
/// </list>
/// Labels never overlap: each candidate labelling is checked against the axis length in pixels
/// and the measured extent of its labels.
/// </remarks>
public static class LogAxisTicks
{
    private static readonly int[] DecadeStrides = [1, 2, 3, 4, 5, 10, 20, 25, 50, 100];

    private static readonly int[][] MantissaSets = [[1], [1, 3], [1, 2, 5], [1, 2, 3, 4, 5, 6, 7, 8, 9]];

    private static readonly double[] NiceFactors = [1, 2, 2.5, 5];

    private const int MinimumLabels = 3;

    private const int ComfortableLabels = 4;

    /// <summary>At most this many evenly spaced labels replace too few mantissa labels (2.0, 2.5, …, 4.0; not 1.8, 2.0, …).</summary>
    private const int ShortAxisLabels = 7;

    private static int Majors(Tick[] ticks) => ticks.Count(t => t.IsMajor);

    /// <summary>
    /// Generates major (labelled) and minor ticks for the visible range [<paramref name="minLog10"/>, <paramref name="maxLog10"/>].
    /// </summary>
    /// <param name="minLog10">log10 of the smallest visible value.</param>
    /// <param name="maxLog10">log10 of the largest visible value.</param>
    /// <param name="axisPixels">Length of the axis in pixels.</param>
    /// <param name="labelExtent">Size of a label along the axis in pixels (width on a horizontal axis, height on a vertical one).</param>
    /// <param name="minimumGap">Free pixels required between neighbouring labels.</param>
    /// <param name="maxLabels">Upper bound on the number of labelled ticks.</param>
    public static Tick[] Generate(double minLog10, double maxLog10, double axisPixels,
        Func<string, double> labelExtent, double minimumGap = 10, int maxLabels = 12)
    {
        ArgumentNullException.ThrowIfNull(labelExtent);
        if (!double.IsFinite(minLog10) || !double.IsFinite(maxLog10))
            throw new ArgumentException($"Log axis range must be finite, got [{minLog10}, {maxLog10}].");
        if (minLog10 > maxLog10)
            (minLog10, maxLog10) = (maxLog10, minLog10);
        if (maxLog10 - minLog10 < 1e-12)
        {
            minLog10 -= 0.5;
            maxLog10 += 0.5;
        }
        var layout = new Layout(minLog10, maxLog10, Math.Max(axisPixels, 1), labelExtent, minimumGap, Math.Max(maxLabels, 2));

        int firstDecade = (int)Math.Ceiling(minLog10 - Layout.Tolerance);
        int lastDecade = (int)Math.Floor(maxLog10 + Layout.Tolerance);
        if (lastDecade - firstDecade + 1 >= MinimumLabels)
            return DecadeTicks(layout, firstDecade, lastDecade);

        Tick[]? mantissa = MantissaTicks(layout);
        if (mantissa is null)
            return EvenlySpacedTicks(layout);
        // Three labels or fewer on a short axis read as a bare 1, 2, 3: take evenly spaced values when they give more.
        // Only where the values print plainly (a loss axis): "0.5×10⁵, 1.0×10⁵, …" reads worse than 5×10⁴, 10⁵, 2×10⁵.
        bool plain = TickLabelFormat.IsPlain(Math.Pow(10, minLog10)) && TickLabelFormat.IsPlain(Math.Pow(10, maxLog10));
        if (plain && Majors(mantissa) < ComfortableLabels && maxLog10 - minLog10 < 1)
        {
            Tick[] even = EvenlySpacedTicks(layout with { MaxLabels = Math.Min(layout.MaxLabels, ShortAxisLabels) });
            if (Majors(even) > Majors(mantissa))
                return even;
        }
        return mantissa;
    }

    private static Tick[] DecadeTicks(Layout layout, int firstDecade, int lastDecade)
    {
        int[] chosen = [];
        int chosenStride = 1;
        foreach (int stride in DecadeStrides)
        {
            int[] decades = Enumerable.Range(firstDecade, lastDecade - firstDecade + 1)
                .Where(k => ((k % stride) + stride) % stride == 0)
                .ToArray();
            if (decades.Length == 0)
                break;
            chosen = decades;
            chosenStride = stride;
            if (layout.Fits(decades.Select(k => (double)k).ToArray(), decades.Select(k => DecadeLabel(k, decades)).ToArray()))
                break;
        }

        var ticks = chosen.Select(k => Tick.Major(k, DecadeLabel(k, chosen))).ToList();
        if (chosenStride == 1)
        {
            ticks.AddRange(MinorAtMantissas(layout, [1]));
        }
        else
        {
            for (int k = firstDecade; k <= lastDecade; k++)
            {
                if (!chosen.Contains(k))
                    ticks.Add(Tick.Minor(k));
            }
        }
        return [.. ticks];
    }

    private static string DecadeLabel(int exponent, int[] labelledDecades) =>
        labelledDecades.All(k => TickLabelFormat.IsPlain(Math.Pow(10, k)))
            ? TickLabelFormat.Compact(Math.Pow(10, exponent))
            : TickLabelFormat.PowerOfTen(exponent);

    private static Tick[]? MantissaTicks(Layout layout)
    {
        // The densest set whose labels still fit: sets only grow denser, so stop at the first that crowds.
        (double[] Positions, string[] Labels, int[] Mantissas)? densest = null;
        foreach (int[] mantissas in MantissaSets)
        {
            var values = new List<(int Mantissa, int Exponent)>();
            for (int k = (int)Math.Floor(layout.Min) - 1; k <= (int)Math.Ceiling(layout.Max); k++)
            {
                foreach (int m in mantissas)
                {
                    if (layout.Contains(k + Math.Log10(m)))
                        values.Add((m, k));
                }
            }

            bool plain = values.All(v => TickLabelFormat.IsPlain(v.Mantissa * Math.Pow(10, v.Exponent)));
            string[] labels = values
                .Select(v => plain ? TickLabelFormat.Compact(v.Mantissa * Math.Pow(10, v.Exponent)) : TickLabelFormat.Scientific(v.Mantissa, v.Exponent))
                .ToArray();
            double[] positions = values.Select(v => v.Exponent + Math.Log10(v.Mantissa)).ToArray();
            if (!layout.Fits(positions, labels))
                break;
            densest = (positions, labels, mantissas);
        }

        // Too few labels: over a decade or more keep them (evenly spaced values would bunch up);
        // over less than a decade evenly spaced values read better.
        if (densest is null || densest.Value.Positions.Length == 0
            || (densest.Value.Positions.Length < MinimumLabels && layout.Max - layout.Min < 1))
            return null;

        var (chosenPositions, chosenLabels, chosenMantissas) = densest.Value;
        var ticks = chosenPositions.Select((p, i) => Tick.Major(p, chosenLabels[i])).ToList();
        ticks.AddRange(MinorAtMantissas(layout, chosenMantissas));
        return [.. ticks];
    }

    /// <summary>Minor ticks at every integer mantissa 1..9 that is not already labelled.</summary>
    private static IEnumerable<Tick> MinorAtMantissas(Layout layout, int[] labelledMantissas)
    {
        for (int k = (int)Math.Floor(layout.Min) - 1; k <= (int)Math.Ceiling(layout.Max); k++)
        {
            for (int m = 1; m <= 9; m++)
            {
                double position = k + Math.Log10(m);
                if (!labelledMantissas.Contains(m) && layout.Contains(position))
                    yield return Tick.Minor(position);
            }
        }
    }

    private static Tick[] EvenlySpacedTicks(Layout layout)
    {
        double low = Math.Pow(10, layout.Min);
        double high = Math.Pow(10, layout.Max);
        int spanExponent = (int)Math.Floor(Math.Log10(high - low));
        bool plain = TickLabelFormat.IsPlain(high) && TickLabelFormat.IsPlain(low);
        int commonExponent = (int)Math.Floor(Math.Log10(high));

        Tick? lonelyTick = null;
        for (int e = spanExponent - 2; e <= spanExponent + 1; e++)
        {
            foreach (double factor in NiceFactors)
            {
                double step = factor * Math.Pow(10, e);
                long first = (long)Math.Ceiling(low / step - Layout.Tolerance);
                long last = (long)Math.Floor(high / step + Layout.Tolerance);
                long count = last - first + 1;
                if (count < 1 || count > layout.MaxLabels)
                    continue;

                int extraDigit = factor == 2.5 ? 1 : 0;
                string plainFormat = "F" + Math.Max(0, extraDigit - e);
                int scientificDecimals = Math.Max(0, commonExponent - e + extraDigit);
                double[] values = Enumerable.Range(0, (int)count).Select(i => (first + i) * step).ToArray();
                string[] labels = values
                    .Select(v => plain
                        ? v.ToString(plainFormat, System.Globalization.CultureInfo.InvariantCulture)
                        : TickLabelFormat.Scientific(v / Math.Pow(10, commonExponent), commonExponent, scientificDecimals))
                    .ToArray();
                double[] positions = values.Select(Math.Log10).ToArray();

                if (count == 1)
                {
                    lonelyTick ??= Tick.Major(positions[0], labels[0]);
                    continue;
                }
                if (!layout.Fits(positions, labels))
                    continue;

                var ticks = positions.Select((p, i) => Tick.Major(p, labels[i])).ToList();
                double minorStep = step / (factor == 2 ? 4 : 5);
                for (long j = (long)Math.Ceiling(low / minorStep - Layout.Tolerance); j * minorStep <= high * (1 + Layout.Tolerance); j++)
                {
                    double position = Math.Log10(j * minorStep);
                    if (!positions.Any(p => Math.Abs(p - position) < Layout.Tolerance))
                        ticks.Add(Tick.Minor(position));
                }
                return [.. ticks];
            }
        }

        // An axis too short for two labels still gets one.
        double middle = (layout.Min + layout.Max) / 2;
        return [lonelyTick ?? Tick.Major(middle, TickLabelFormat.Compact(Math.Pow(10, middle)))];
    }

    private sealed record Layout(double Min, double Max, double AxisPixels, Func<string, double> LabelExtent, double MinimumGap, int MaxLabels)
    {
        public const double Tolerance = 1e-9;

        public bool Contains(double position) => position >= Min - Tolerance && position <= Max + Tolerance;

        public bool Fits(double[] positions, string[] labels)
        {
            if (positions.Length > MaxLabels)
                return false;
            double pixelsPerUnit = AxisPixels / (Max - Min);
            for (int i = 1; i < positions.Length; i++)
            {
                double distance = (positions[i] - positions[i - 1]) * pixelsPerUnit;
                double needed = (LabelExtent(labels[i]) + LabelExtent(labels[i - 1])) / 2 + MinimumGap;
                if (distance < needed)
                    return false;
            }
            return true;
        }
    }
}
