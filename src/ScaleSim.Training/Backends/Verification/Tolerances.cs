using System.Globalization;
using ScaleSim.Training.Model;

namespace ScaleSim.Training.Backends.Verification;

/// <summary>
/// The comparisons the checks make, each returning a <see cref="VerificationCheck"/> with its worst element rather than
/// stopping at the first failure, so a report says how close every quantity came to its tolerance.
/// </summary>
internal static class Tolerances
{
    /// <summary>|actual − expected| ≤ <paramref name="relative"/>·|expected|.</summary>
    public static VerificationCheck Relative(VerificationKind kind, string shape, string quantity, double actual, double expected, double relative)
    {
        double allowed = relative * Math.Abs(expected);
        double error = Error(actual, expected);
        return new VerificationCheck(kind, shape, quantity, $"{Sci(relative)} relative", Ratio(error, allowed), error <= allowed,
            $"{G(actual)} vs {G(expected)}");
    }

    /// <summary>Every |actual[i] − expected[i]| ≤ <paramref name="relative"/>·|expected[i]|; NaN pairs (no value at that point) are skipped.</summary>
    public static VerificationCheck RelativeEach(VerificationKind kind, string shape, string quantity, ReadOnlySpan<double> actual, ReadOnlySpan<double> expected, double relative)
    {
        if (actual.Length != expected.Length)
            return new VerificationCheck(kind, shape, quantity, $"{Sci(relative)} relative", null, false, $"{actual.Length} values vs {expected.Length}");
        double worst = 0;
        bool passed = true;
        string detail = "nothing to compare";
        for (int i = 0; i < expected.Length; i++)
        {
            if (double.IsNaN(actual[i]) && double.IsNaN(expected[i])) continue;
            double allowed = relative * Math.Abs(expected[i]);
            double error = Error(actual[i], expected[i]);
            passed &= error <= allowed;
            double ratio = Ratio(error, allowed);
            if (double.IsNaN(ratio)) ratio = double.PositiveInfinity;
            if (ratio >= worst)
            {
                worst = ratio;
                detail = $"[{i}]: {G(actual[i])} vs {G(expected[i])}";
            }
        }
        return new VerificationCheck(kind, shape, quantity, $"{Sci(relative)} relative", worst, passed, detail);
    }

    /// <summary>Every |actual[i] − expected[i]| ≤ <paramref name="absolute"/>.</summary>
    public static VerificationCheck Absolute(VerificationKind kind, string shape, string quantity, ReadOnlySpan<float> actual, ReadOnlySpan<double> expected, double absolute)
    {
        double worst = -1;
        int at = 0;
        for (int i = 0; i < expected.Length; i++)
        {
            double error = Error(actual[i], expected[i]);
            if (error > worst) (worst, at) = (error, i);
        }
        return new VerificationCheck(kind, shape, quantity, $"{Sci(absolute)} absolute", Ratio(worst, absolute), worst <= absolute,
            expected.Length == 0 ? "nothing to compare" : $"[{at}]: {G(actual[at])} vs {G(expected[at])}");
    }

    /// <summary>
    /// Every element within <paramref name="relative"/> of its tensor's largest |expected| plus <paramref name="floor"/>;
    /// elements <paramref name="skip"/> names are left to another check.
    /// </summary>
    public static VerificationCheck PerTensor(VerificationKind kind, string shape, string quantity, ParameterLayout layout,
        ReadOnlySpan<float> actual, ReadOnlySpan<double> expected, double relative, double floor, Func<int, bool>? skip = null)
    {
        double worstRatio = 0;
        bool passed = true;
        string detail = "every tensor within tolerance";
        foreach (var tensor in layout.Tensors)
        {
            double scale = 0;
            for (int i = tensor.Offset; i < tensor.Offset + tensor.Length; i++) scale = Math.Max(scale, Math.Abs(expected[i]));
            double allowed = relative * scale + floor;
            for (int i = tensor.Offset; i < tensor.Offset + tensor.Length; i++)
            {
                if (skip?.Invoke(i) == true) continue;
                double error = Error(actual[i], expected[i]);
                passed &= error <= allowed;
                double ratio = error / allowed;
                if (ratio > worstRatio)
                {
                    worstRatio = ratio;
                    detail = $"{tensor.Name}[{i - tensor.Offset}]: {G(actual[i])} vs {G(expected[i])} (tensor's largest {G(scale)})";
                }
            }
        }
        return new VerificationCheck(kind, shape, quantity, $"{Sci(relative)} of each tensor's largest + {Sci(floor)}", worstRatio, passed, detail);
    }

    /// <summary>Every value bit-identical.</summary>
    public static VerificationCheck Identical<T>(VerificationKind kind, string shape, string quantity, ReadOnlySpan<T> first, ReadOnlySpan<T> second)
        where T : IEquatable<T>
    {
        if (first.Length != second.Length)
            return new VerificationCheck(kind, shape, quantity, "bit-identical", null, false, $"{first.Length} values vs {second.Length}");
        int differing = 0, firstAt = -1;
        for (int i = 0; i < first.Length; i++)
        {
            if (first[i].Equals(second[i])) continue;
            differing++;
            if (firstAt < 0) firstAt = i;
        }
        string detail = differing == 0
            ? $"all {first.Length} values identical"
            : $"{differing} of {first.Length} values differ, the first at [{firstAt}]: {first[firstAt]} vs {second[firstAt]}";
        return new VerificationCheck(kind, shape, quantity, "bit-identical", null, differing == 0, detail);
    }

    /// <summary>Widens floats for the comparisons above.</summary>
    public static double[] Widen(ReadOnlySpan<float> values)
    {
        var wide = new double[values.Length];
        for (int i = 0; i < values.Length; i++) wide[i] = values[i];
        return wide;
    }

    /// <summary>A number in a report: shortest round-trip form, at most 6 significant digits.</summary>
    public static string G(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    /// <summary>|a − e|, infinite when either is NaN (a NaN never passes).</summary>
    private static double Error(double actual, double expected)
    {
        double error = Math.Abs(actual - expected);
        return double.IsNaN(error) ? double.PositiveInfinity : error;
    }

    /// <summary>A tolerance in a report: <c>2e-5</c>, <c>6e-2</c>, <c>1.5e-3</c>.</summary>
    public static string Sci(double value)
    {
        if (value == 0 || !double.IsFinite(value)) return value.ToString(CultureInfo.InvariantCulture);
        int exponent = (int)Math.Floor(Math.Log10(Math.Abs(value)));
        double mantissa = Math.Round(value / Math.Pow(10, exponent), 3);
        return $"{mantissa.ToString(CultureInfo.InvariantCulture)}e{exponent}";
    }

    private static double Ratio(double error, double allowed) => allowed > 0 ? error / allowed : error == 0 ? 0 : double.PositiveInfinity;
}
