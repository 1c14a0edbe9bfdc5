using ScottPlot;

namespace ScaleSim.Plotting;

/// <summary>
/// ScottPlot tick generator for an axis whose coordinates are log10 of the data.
/// Delegates the choice of ticks to <see cref="LogAxisTicks"/>, measuring labels with the axis's own label style.
/// </summary>
public sealed class LogTickGenerator : ITickGenerator
{
    /// <inheritdoc/>
    public Tick[] Ticks { get; private set; } = [];

    /// <inheritdoc/>
    public int MaxTickCount { get; set; } = 12;

    /// <inheritdoc/>
    public void Regenerate(CoordinateRange range, Edge edge, PixelLength size, Paint paint, LabelStyle labelStyle)
    {
        bool vertical = edge.IsVertical();
        Ticks = LogAxisTicks.Generate(
            range.Min,
            range.Max,
            size.Length,
            label => vertical ? labelStyle.Measure(label, paint).Size.Height : labelStyle.Measure(label, paint).Size.Width,
            minimumGap: vertical ? 8 : 14,
            maxLabels: MaxTickCount);
    }
}
