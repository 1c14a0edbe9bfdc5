namespace ScaleSim.Plotting;

/// <summary>Paths of one figure written in both formats.</summary>
/// <param name="PngPath">Full path of the PNG file.</param>
/// <param name="SvgPath">Full path of the SVG file.</param>
public sealed record SavedFigure(string PngPath, string SvgPath);
