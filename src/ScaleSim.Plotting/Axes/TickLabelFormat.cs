using System.Globalization;
using System.Text;

namespace ScaleSim.Plotting;

/// <summary>
/// Formats tick labels. Powers of ten are written with Unicode superscripts ("10⁶",
/// "2×10⁻³"), which DejaVu Sans renders; <see cref="FigureFont"/> guarantees that font.
/// </summary>
public static class TickLabelFormat
{
    private const string SuperscriptDigits = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    /// <summary>Smallest magnitude written as a plain decimal rather than a power of ten.</summary>
    public const double PlainMinimum = 1e-3;

    /// <summary>Largest magnitude written as a plain decimal rather than a power of ten.</summary>
    public const double PlainMaximum = 1e4;

    /// <summary>Writes an integer in superscript digits, e.g. -12 as "⁻¹²".</summary>
    public static string Superscript(int value)
    {
        var text = new StringBuilder();
        if (value < 0)
            text.Append('⁻');
        foreach (char digit in Math.Abs((long)value).ToString(CultureInfo.InvariantCulture))
            text.Append(SuperscriptDigits[digit - '0']);
        return text.ToString();
    }

    /// <summary>Writes 10 to the given exponent, e.g. "10²¹".</summary>
    public static string PowerOfTen(int exponent) => "10" + Superscript(exponent);

    /// <summary>
    /// Writes <c>mantissa × 10^exponent</c>, dropping a mantissa of exactly 1 ("10⁹", "3×10⁹").
    /// </summary>
    /// <param name="mantissa">The factor in front of the power of ten.</param>
    /// <param name="exponent">The power of ten.</param>
    /// <param name="decimals">Digits after the decimal point of the mantissa; null writes it as short as possible.</param>
    public static string Scientific(double mantissa, int exponent, int? decimals = null)
    {
        string mantissaText = decimals is int d
            ? mantissa.ToString("F" + d.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)
            : Round(mantissa).ToString("G", CultureInfo.InvariantCulture);
        mantissaText = mantissaText.Replace('-', '−');
        return mantissaText == "1" ? PowerOfTen(exponent) : mantissaText + "×" + PowerOfTen(exponent);
    }

    /// <summary>
    /// Writes any value readably: plain decimals between <see cref="PlainMinimum"/> and
    /// <see cref="PlainMaximum"/> in magnitude (and zero), a power of ten outside that.
    /// </summary>
    public static string Compact(double value)
    {
        if (!double.IsFinite(value))
            return value.ToString(CultureInfo.InvariantCulture);
        double magnitude = Math.Abs(value);
        if (magnitude == 0 || IsPlain(magnitude))
            return Round(value).ToString("G", CultureInfo.InvariantCulture).Replace('-', '−');
        int exponent = (int)Math.Floor(Math.Log10(magnitude));
        double mantissa = value / Math.Pow(10, exponent);
        // Rounding can push 9.9999 to 10; renormalise.
        if (Math.Abs(Round(mantissa)) >= 10)
        {
            exponent++;
            mantissa /= 10;
        }
        return Scientific(mantissa, exponent);
    }

    /// <summary>Whether a magnitude is written as a plain decimal.</summary>
    public static bool IsPlain(double magnitude) =>
        magnitude >= PlainMinimum * (1 - 1e-9) && magnitude <= PlainMaximum * (1 + 1e-9);

    /// <summary>Rounds away floating-point noise (0.30000000000000004 becomes 0.3).</summary>
    private static double Round(double value) =>
        value == 0 ? 0 : double.Parse(value.ToString("G10", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
