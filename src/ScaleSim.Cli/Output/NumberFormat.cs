using System.Globalization;

namespace ScaleSim.Cli.Output;

/// <summary>How numbers appear in tables: scientific for scales (1.40e12), fixed for losses and exponents.</summary>
internal static class NumberFormat
{
    /// <summary>A scale such as a parameter count or FLOPs: 3 significant digits, scientific.</summary>
    public static string Scale(double value) => value.ToString("0.00e+00", CultureInfo.InvariantCulture);

    /// <summary>A count of parameters or tokens: three digits and a suffix, 70.0B, 1.40T (<see cref="ScaleSim.Units.Quantity.Format"/>).</summary>
    public static string Count(double value) => ScaleSim.Units.Quantity.Format(value);

    /// <summary>A loss or exponent: 4 decimals.</summary>
    public static string Fixed(double value, int decimals = 4) => value.ToString("F" + decimals, CultureInfo.InvariantCulture);

    /// <summary>A general number with <paramref name="digits"/> significant digits.</summary>
    public static string General(double value, int digits = 5)
    {
        double abs = Math.Abs(value);
        if (abs != 0 && (abs >= 1e6 || abs < 1e-3)) return value.ToString("0.0000e+00", CultureInfo.InvariantCulture);
        return value.ToString("G" + digits, CultureInfo.InvariantCulture);
    }

    /// <summary>A ratio such as 3.2×.</summary>
    public static string Ratio(double value) => value.ToString("0.00", CultureInfo.InvariantCulture) + "×";
}
