using System.Globalization;

namespace ScaleSim.Plotting;

/// <summary>
/// One axis of a figure: its label, its scale and optional fixed limits (in data units).
/// Converts data values to plot coordinates: log10 of the value on a log axis.
/// </summary>
internal sealed class AxisSpec(string name)
{
    /// <summary>"x" or "y", used in error messages.</summary>
    public string Name { get; } = name;

    public string Label { get; set; } = string.Empty;

    public AxisScale Scale { get; set; } = AxisScale.Linear;

    public double? Min { get; set; }

    public double? Max { get; set; }

    public bool IsLog => Scale == AxisScale.Log;

    /// <summary>Labelled ticks at fixed positions (data units), e.g. the steps of a sequence; null for automatic ticks.</summary>
    public IReadOnlyList<(double Position, string Label)>? Ticks { get; set; }

    public double ToPlot(double value) => IsLog ? Math.Log10(value) : value;

    public double[] ToPlot(IReadOnlyList<double> values)
    {
        var result = new double[values.Count];
        for (int i = 0; i < result.Length; i++)
            result[i] = ToPlot(values[i]);
        return result;
    }

    public double FromPlot(double coordinate) => IsLog ? Math.Pow(10, coordinate) : coordinate;

    /// <summary>Throws unless every value is finite and, on a log axis, positive.</summary>
    /// <param name="values">Data values meant for this axis.</param>
    /// <param name="what">What the values are, e.g. "line 'fit' x".</param>
    public void Check(IReadOnlyList<double> values, string what)
    {
        for (int i = 0; i < values.Count; i++)
            Check(values[i], $"{what}[{i}]");
    }

    /// <summary>Throws unless <paramref name="value"/> is finite and, on a log axis, positive.</summary>
    public void Check(double value, string what)
    {
        if (!double.IsFinite(value))
            throw new ArgumentException($"{what} is {Format(value)}; plotted values must be finite.");
        if (IsLog && value <= 0)
            throw new ArgumentException(
                $"{what} is {Format(value)}, but the {Name} axis is logarithmic: its values must be positive.");
    }

    /// <summary>Throws unless the fixed limits (if any) suit the scale.</summary>
    public void CheckLimits()
    {
        if (Min is double min)
            Check(min, $"The {Name} axis minimum");
        if (Max is double max)
            Check(max, $"The {Name} axis maximum");
        if (Min is double lo && Max is double hi && !(lo < hi))
            throw new ArgumentException($"The {Name} axis minimum ({Format(lo)}) must be below its maximum ({Format(hi)}).");
    }

    private static string Format(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
