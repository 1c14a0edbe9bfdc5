namespace ScaleSim.Plotting;

/// <summary>How figures are written: in which formats, and at what scale.</summary>
/// <param name="Formats">One file per format, each named after the figure with the format's extension.</param>
/// <param name="Scale">
/// Resolution multiplier: a PNG has <c>Scale</c> × the figure's size in pixels, with text, lines and markers
/// scaled alike (2 for print or high-density screens). Vector formats keep the figure's size.
/// </param>
public sealed record FigureOutput(IReadOnlyList<FigureFormat> Formats, double Scale = 1)
{
    /// <summary>Smallest and largest accepted <see cref="Scale"/>.</summary>
    public const double MinScale = 0.25, MaxScale = 8;

    /// <summary>PNG and SVG at scale 1.</summary>
    public static FigureOutput Default { get; } = new([FigureFormat.Png, FigureFormat.Svg]);

    /// <summary>Throws <see cref="ArgumentException"/> unless there is at least one format and the scale is in range.</summary>
    public void Validate()
    {
        if (Formats is null || Formats.Count == 0)
            throw new ArgumentException("A figure needs at least one format to be written in.", nameof(Formats));
        if (Formats.Any(f => !Enum.IsDefined(f)))
            throw new ArgumentException("Unknown figure format.", nameof(Formats));
        if (!double.IsFinite(Scale) || Scale < MinScale || Scale > MaxScale)
            throw new ArgumentException($"The figure scale must be between {MinScale} and {MaxScale}, got {Scale}.", nameof(Scale));
    }
}
