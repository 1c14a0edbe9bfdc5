namespace ScaleSim.Plotting;

/// <summary>Paths of one figure's files.</summary>
/// <param name="ImagePaths">Full path of each image, one per format, in the order the formats were asked for.</param>
/// <param name="CsvPath">Full path of the CSV holding the data drawn.</param>
public sealed record SavedFigure(IReadOnlyList<string> ImagePaths, string CsvPath)
{
    /// <summary>Full path of the PNG, or null when no PNG was written.</summary>
    public string? PngPath => ImagePaths.FirstOrDefault(p => p.EndsWith(".png", StringComparison.Ordinal));

    /// <summary>Full path of the SVG, or null when no SVG was written.</summary>
    public string? SvgPath => ImagePaths.FirstOrDefault(p => p.EndsWith(".svg", StringComparison.Ordinal));

    /// <summary>Every file written, images first, e.g. for a "wrote …" line.</summary>
    public string Describe() => string.Join(", ", ImagePaths.Append(CsvPath));
}
