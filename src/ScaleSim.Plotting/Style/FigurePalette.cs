using ScottPlot;

namespace ScaleSim.Plotting;

/// <summary>
/// Colours for figures. Categorical series use the Okabe–Ito palette (distinguishable with the
/// common colour-vision deficiencies); ordered families use viridis.
/// </summary>
/// <remarks>Okabe &amp; Ito (2008), "Color Universal Design"; yellow is left out because it vanishes on white.</remarks>
public static class FigurePalette
{
    /// <summary>Blue.</summary>
    public static Color Blue { get; } = Color.FromHex("#0072B2");

    /// <summary>Vermillion.</summary>
    public static Color Vermillion { get; } = Color.FromHex("#D55E00");

    /// <summary>Bluish green.</summary>
    public static Color Green { get; } = Color.FromHex("#009E73");

    /// <summary>Orange.</summary>
    public static Color Orange { get; } = Color.FromHex("#E69F00");

    /// <summary>Reddish purple.</summary>
    public static Color Purple { get; } = Color.FromHex("#CC79A7");

    /// <summary>Sky blue.</summary>
    public static Color SkyBlue { get; } = Color.FromHex("#56B4E9");

    /// <summary>Black.</summary>
    public static Color Black { get; } = Color.FromHex("#000000");

    /// <summary>Neutral grey for reference lines and contours.</summary>
    public static Color Grey { get; } = Color.FromHex("#555555");

    /// <summary>The categorical colours in the order series receive them.</summary>
    public static IReadOnlyList<Color> Categorical { get; } = [Blue, Vermillion, Green, Orange, Purple, SkyBlue, Black];

    /// <summary>The categorical colour for the series at <paramref name="index"/>, cycling.</summary>
    public static Color Series(int index) => Categorical[((index % Categorical.Count) + Categorical.Count) % Categorical.Count];

    /// <summary>
    /// Colour map for a family of series ordered by a value (e.g. model size): viridis without its
    /// palest yellow tenth, which is hard to see as a thin line on white.
    /// </summary>
    public static IColormap Sequential { get; } = new TruncatedColormap(new ScottPlot.Colormaps.Viridis(), 0, 0.9);
}
