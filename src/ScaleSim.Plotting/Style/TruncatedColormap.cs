using ScottPlot;

namespace ScaleSim.Plotting;

/// <summary>The part [<paramref name="from"/>, <paramref name="to"/>] of another colour map, stretched over 0..1.</summary>
internal sealed class TruncatedColormap(IColormap inner, double from, double to) : IColormap
{
    public string Name => $"{inner.Name} [{from:0.##}, {to:0.##}]";

    public Color GetColor(double position) =>
        double.IsNaN(position) ? Colors.Transparent : inner.GetColor(from + (to - from) * Math.Clamp(position, 0, 1));
}
