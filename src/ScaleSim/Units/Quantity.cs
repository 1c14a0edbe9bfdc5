using System.Globalization;

namespace ScaleSim.Units;

/// <summary>
/// Counts of parameters, tokens and FLOPs as people write them: a plain or scientific number (<c>5.76e23</c>) or a
/// number with a decimal suffix (<c>70B</c>, <c>1.4T</c>): K = 10³, M = 10⁶, B or G = 10⁹, T = 10¹², P = 10¹⁵,
/// E = 10¹⁸, in either case (<c>m</c> is a million, never milli). Lists (<c>1e21,1e23</c>) and geometric ranges
/// (<c>1e21:1e25:x10</c>) of them name several budgets at once.
/// </summary>
public static class Quantity
{
    private static readonly (char Suffix, double Scale)[] Suffixes =
        [('K', 1e3), ('M', 1e6), ('B', 1e9), ('G', 1e9), ('T', 1e12), ('P', 1e15), ('E', 1e18)];

    // What Format writes: G for 1e9 is left to parsing, B is how parameter counts are spoken of (70B).
    private static readonly (string Suffix, double Scale)[] Written =
        [("E", 1e18), ("P", 1e15), ("T", 1e12), ("B", 1e9), ("M", 1e6), ("K", 1e3)];

    /// <summary>The most values a range may expand to, so a typo such as <c>1:1e300:x1.0001</c> is refused rather than run.</summary>
    public const int MaxRangeValues = 1000;

    /// <summary>
    /// Parses <paramref name="text"/> as a finite quantity; throws <see cref="InputException"/> naming
    /// <paramref name="parameter"/> and the text when it is not one.
    /// </summary>
    public static double Parse(string text, string parameter)
    {
        if (TryParse(text, out double value)) return value;
        throw InputException.About($"{InputName.Of(parameter)}: '{text}' is not a number (write e.g. 70B, 1.4T, 5.76e23; suffixes K, M, B or G, T, P, E)");
    }

    /// <summary>Parses a plain, scientific or suffixed number; false for anything else or a non-finite value.</summary>
    public static bool TryParse(string? text, out double value)
    {
        value = double.NaN;
        if (string.IsNullOrWhiteSpace(text)) return false;
        string s = text.Trim().Replace("_", "");
        double scale = 1;
        char last = char.ToUpperInvariant(s[^1]);
        foreach (var (suffix, factor) in Suffixes)
        {
            if (last != suffix) continue;
            scale = factor;
            s = s[..^1];
            break;
        }
        if (s.Length == 0 || !char.IsAsciiDigit(s[^1]) && s[^1] != '.') return false;
        if (!double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double number)) return false;
        value = number * scale;
        return double.IsFinite(value);
    }

    /// <summary>
    /// Parses one or more quantities: a comma-separated list (<c>1e21,3e22</c>) or a geometric range
    /// <c>FROM:TO:xFACTOR</c> (<c>1e21:1e25:x10</c> is 1e21, 1e22, …, 1e25; TO is included when a step lands on it
    /// within one part in a million), or a list of both. Every value must be positive.
    /// </summary>
    public static IReadOnlyList<double> ParseList(string text, string parameter)
    {
        var values = new List<double>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (part.Length == 0) throw InputException.About($"{InputName.Of(parameter)}: empty value in '{text}'");
            if (part.Contains(':')) values.AddRange(ParseRange(part, parameter));
            else values.Add(Positive(Parse(part, parameter), part, parameter));
        }
        return values;
    }

    /// <summary>
    /// A count for a table: three significant digits and a suffix, <c>70.0B</c>, <c>1.40T</c>, <c>512M</c>; below
    /// 1000 the number itself (<c>20.0</c>), from 10²¹ on (where three digits of E would read 1000E) scientific (<c>5.76e+23</c>), where no suffix is left.
    /// </summary>
    public static string Format(double value)
    {
        double abs = Math.Abs(value);
        if (!double.IsFinite(value)) return value.ToString(CultureInfo.InvariantCulture);
        if (abs >= 9.995e20) return value.ToString("0.00e+00", CultureInfo.InvariantCulture);
        // From 999.5 of a unit on, three digits round to 1000: write 999.6K as 1.00M.
        foreach (var (suffix, scale) in Written)
            if (abs >= scale * 0.9995) return ThreeDigits(value / scale) + suffix;
        return ThreeDigits(value);
    }

    private static IEnumerable<double> ParseRange(string part, string parameter)
    {
        var pieces = part.Split(':', StringSplitOptions.TrimEntries);
        if (pieces.Length != 3 || pieces[2].Length < 2 || char.ToLowerInvariant(pieces[2][0]) != 'x')
            throw InputException.About($"{InputName.Of(parameter)}: '{part}' is not a range FROM:TO:xFACTOR (e.g. 1e21:1e25:x10)");
        double from = Positive(Parse(pieces[0], parameter), pieces[0], parameter);
        double to = Positive(Parse(pieces[1], parameter), pieces[1], parameter);
        if (!double.TryParse(pieces[2][1..], NumberStyles.Float, CultureInfo.InvariantCulture, out double factor) || !double.IsFinite(factor) || factor <= 1)
            throw InputException.About($"{InputName.Of(parameter)}: the factor of '{part}' must be a number above 1 (x10, x2, x3.16)");
        if (to < from) throw InputException.About($"{InputName.Of(parameter)}: range '{part}' runs downwards; write FROM below TO");
        // Steps are counted in log space so that 1e21·10^k lands on 1e25 exactly rather than drifting past it.
        double steps = Math.Log(to / from) / Math.Log(factor);
        int count = (int)Math.Floor(steps + 1e-6) + 1;
        if (count > MaxRangeValues) throw InputException.About($"{InputName.Of(parameter)}: range '{part}' has {count} values, more than {MaxRangeValues}");
        return Enumerable.Range(0, count).Select(k => k == 0 ? from : Math.Abs(k - steps) < 1e-6 ? to : from * Math.Pow(factor, k)).ToList();
    }

    private static double Positive(double value, string text, string parameter) => value > 0
        ? value
        : throw InputException.About($"{InputName.Of(parameter)} must be a positive finite number, got {text}");

    private static double Round3(double x) => x == 0 ? 0 : Math.Round(x, Math.Clamp(2 - (int)Math.Floor(Math.Log10(Math.Abs(x))), 0, 15));

    private static string ThreeDigits(double x)
    {
        double rounded = Round3(x);
        int decimals = rounded == 0 ? 2 : Math.Clamp(2 - (int)Math.Floor(Math.Log10(Math.Abs(rounded))), 0, 15);
        return rounded.ToString("F" + decimals, CultureInfo.InvariantCulture);
    }
}
