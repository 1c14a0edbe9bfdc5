using ScottPlot;

namespace ScaleSim.Plotting;

/// <summary>Range and colour map a ScottPlot colour bar displays; the range is in colour-axis coordinates (log10 on a log colour scale).</summary>
internal sealed class ColorScaleSource(double min, double max, IColormap colormap) : IHasColorAxis
{
    public IColormap Colormap { get; } = colormap;

    public ScottPlot.Range GetRange() => new(min, max);
}
