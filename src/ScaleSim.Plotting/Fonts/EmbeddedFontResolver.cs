using ScottPlot;
using SkiaSharp;

namespace ScaleSim.Plotting;

/// <summary>
/// Resolves one font name to typefaces loaded from embedded resources; any other name is left
/// to the next resolver. Italic requests get the upright face rather than nothing.
/// </summary>
internal sealed class EmbeddedFontResolver(string registeredName, SKTypeface regular, SKTypeface bold) : IFontResolver
{
    public SKTypeface Regular { get; } = regular;

    public SKTypeface Bold { get; } = bold;

    public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing)
    {
        if (!string.Equals(fontName, registeredName, StringComparison.Ordinal))
            return null;
        return weight >= FontWeight.SemiBold ? Bold : Regular;
    }

    public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
        CreateTypeface(fontName, bold ? FontWeight.Bold : FontWeight.Normal, FontSlant.Upright, FontSpacing.Normal);

    public override string ToString() => $"Embedded font resolver: name='{registeredName}'";
}
