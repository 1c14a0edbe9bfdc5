using ScottPlot;

namespace ScaleSim.Plotting;

/// <summary>
/// Optional look of one series. Anything left null takes the figure's default
/// (the next palette colour, <see cref="FigureTheme.LineWidth"/>, <see cref="FigureTheme.MarkerSize"/>).
/// </summary>
public sealed record SeriesStyle
{
    /// <summary>Line and marker colour; null takes the next colour of <see cref="FigurePalette.Categorical"/>.</summary>
    public Color? Color { get; init; }

    /// <summary>Line width in pixels.</summary>
    public float? LineWidth { get; init; }

    /// <summary>Dash pattern of the line.</summary>
    public LineDash Dash { get; init; } = LineDash.Solid;

    /// <summary>Marker shape, for series drawn with markers.</summary>
    public MarkerShape Marker { get; init; } = MarkerShape.FilledCircle;

    /// <summary>Marker size in pixels.</summary>
    public float? MarkerSize { get; init; }

    private static readonly LinePattern DashDotPattern = new([10, 4, 2, 4], 0, "DashDot");

    internal LinePattern Pattern => Dash switch
    {
        LineDash.Dashed => LinePattern.Dashed,
        LineDash.Dotted => LinePattern.Dotted,
        LineDash.DashDot => DashDotPattern,
        _ => LinePattern.Solid,
    };
}
