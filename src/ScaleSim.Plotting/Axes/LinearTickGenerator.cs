using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace ScaleSim.Plotting;

/// <summary>
/// Tick generator for a linear axis: ScottPlot's automatic spacing, relabelled so all labels of an
/// axis share one number of decimals ("0.010, 0.012", not "0.01, 0.012"), and values beyond
/// <see cref="TickLabelFormat.PlainMaximum"/> read "3×10²⁰", not "3E+20".
/// </summary>
public sealed class LinearTickGenerator : ITickGenerator
{
    private readonly NumericAutomatic spacing = new()
    {
        LabelFormatter = TickLabelFormat.Compact,
        MinorTickGenerator = new EvenlySpacedMinorTickGenerator(5),
        // ScottPlot's default packs a tick wherever a label fits (18 on a residual axis); half as dense reads at a glance.
        TickDensity = 0.5f,
    };

    // The most major labels one linear axis shows.
    private const int MaxReadableLabels = 10;

    /// <inheritdoc/>
    public Tick[] Ticks { get; private set; } = [];

    /// <inheritdoc/>
    public int MaxTickCount
    {
        get => spacing.MaxTickCount;
        set => spacing.MaxTickCount = value;
    }

    /// <inheritdoc/>
    public void Regenerate(CoordinateRange range, Edge edge, PixelLength size, Paint paint, LabelStyle labelStyle)
    {
        // A tall axis over a short range still gets a label every 0.01 (13 on a backtest's loss axis): thin it out
        // until it reads as a scale.
        for (float density = 0.5f; ; density /= 2)
        {
            spacing.TickDensity = density;
            spacing.Regenerate(range, edge, size, paint, labelStyle);
            if (spacing.Ticks.Count(t => t.IsMajor) <= MaxReadableLabels || density < 0.1f) break;
        }
        Ticks = Relabel(spacing.Ticks);
    }

    /// <summary>Rewrites major tick labels with a shared number of decimals.</summary>
    internal static Tick[] Relabel(Tick[] ticks)
    {
        double[] majors = ticks.Where(t => t.IsMajor).Select(t => t.Position).Order().ToArray();
        if (majors.Length < 2 || majors.Any(v => v != 0 && !TickLabelFormat.IsPlain(Math.Abs(v))))
            return ticks;
        double step = Enumerable.Range(1, majors.Length - 1).Min(i => majors[i] - majors[i - 1]);
        int decimals = DecimalsOf(step);
        string format = "F" + decimals.ToString(CultureInfo.InvariantCulture);
        return ticks
            .Select(t => t.IsMajor ? Tick.Major(t.Position, Format(t.Position, format)) : t)
            .ToArray();
    }

    /// <summary>Fewest decimals that write <paramref name="step"/> exactly (0.25 needs 2, 20 needs 0).</summary>
    private static int DecimalsOf(double step)
    {
        for (int d = 0; d < 10; d++)
        {
            double scaled = step * Math.Pow(10, d);
            if (Math.Abs(scaled - Math.Round(scaled)) < 1e-6 * Math.Max(1, scaled))
                return d;
        }
        return 10;
    }

    private static string Format(double value, string format)
    {
        string text = value.ToString(format, CultureInfo.InvariantCulture);
        // Avoid "-0.00" for a zero that arrived as -1e-17.
        if (text.TrimStart('-').All(c => c == '0' || c == '.'))
            text = text.TrimStart('-');
        return text.Replace('-', '−');
    }
}
