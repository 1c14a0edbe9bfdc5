using ScottPlot;

namespace ScaleSim.Plotting;

/// <summary>Sizes and neutral colours shared by every figure.</summary>
public static class FigureTheme
{
    /// <summary>Default figure width in pixels.</summary>
    public const int DefaultWidth = 800;

    /// <summary>Default figure height in pixels.</summary>
    public const int DefaultHeight = 560;

    /// <summary>Title font size in pixels.</summary>
    public const float TitleSize = 18;

    /// <summary>Axis label font size in pixels.</summary>
    public const float AxisLabelSize = 15;

    /// <summary>Tick label font size in pixels.</summary>
    public const float TickLabelSize = 13;

    /// <summary>Legend font size in pixels.</summary>
    public const float LegendSize = 13;

    /// <summary>Annotation (highlight labels, contour levels) font size in pixels.</summary>
    public const float AnnotationSize = 12;

    /// <summary>Default line width in pixels.</summary>
    public const float LineWidth = 2;

    /// <summary>Default marker size in pixels.</summary>
    public const float MarkerSize = 7;

    /// <summary>Length in pixels of a line's swatch in the legend: long enough to show a dash pattern.</summary>
    public const float LegendSymbolWidth = 30;

    /// <summary>Major grid line colour: light, so data stays in front.</summary>
    public static Color MajorGrid { get; } = Colors.Black.WithAlpha(0.12);

    /// <summary>Minor grid line colour: lighter still.</summary>
    public static Color MinorGrid { get; } = Colors.Black.WithAlpha(0.05);

    /// <summary>Colour of text, frame and ticks.</summary>
    public static Color Ink { get; } = Color.FromHex("#222222");
}
