using System.Reflection;
using ScottPlot;
using SkiaSharp;

namespace ScaleSim.Plotting;

/// <summary>
/// The one typeface every figure uses: DejaVu Sans, embedded in this assembly.
/// </summary>
/// <remarks>
/// ScottPlot falls back to whatever the operating system offers; on a machine without
/// system fonts text then silently disappears. So the TTFs are loaded from embedded
/// resources, registered once with <see cref="Fonts.FontResolvers"/> under
/// <see cref="Name"/> (a name no system font has, so the embedded file always wins),
/// and <see cref="Apply"/> sets that typeface on each text element explicitly.
/// Registration is lazy, happens exactly once per process, and is safe to trigger
/// from many threads at the same time.
/// </remarks>
public static class FigureFont
{
    /// <summary>Font name under which the embedded typefaces are registered with ScottPlot.</summary>
    public const string Name = "ScaleSim DejaVu Sans";

    /// <summary>Family name stored inside the embedded TTF files.</summary>
    public const string FamilyName = "DejaVu Sans";

    private const string RegularResource = "ScaleSim.Plotting.Fonts.DejaVuSans.ttf";
    private const string BoldResource = "ScaleSim.Plotting.Fonts.DejaVuSans-Bold.ttf";

    private static readonly Lazy<EmbeddedFontResolver> Resolver =
        new(Register, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The regular-weight embedded typeface (registers the fonts on first use).</summary>
    public static SKTypeface Regular => Resolver.Value.Regular;

    /// <summary>The bold embedded typeface (registers the fonts on first use).</summary>
    public static SKTypeface Bold => Resolver.Value.Bold;

    /// <summary>Registers the embedded fonts with ScottPlot if that has not happened yet.</summary>
    public static void EnsureRegistered() => _ = Resolver.Value;

    /// <summary>Sets <paramref name="style"/> to the embedded typeface, by name and by instance.</summary>
    /// <param name="style">A ScottPlot label style (title, axis label, tick labels, legend item, text).</param>
    /// <param name="size">Font size in pixels.</param>
    /// <param name="bold">Whether to use the bold face.</param>
    public static void Apply(LabelStyle style, float size, bool bold = false)
    {
        ArgumentNullException.ThrowIfNull(style);
        EnsureRegistered();
        style.FontName = Name;
        style.Bold = bold;
        style.Italic = false;
        // An explicit typeface takes precedence over any name lookup inside ScottPlot.
        style.Font = bold ? Bold : Regular;
        style.FontSize = size;
    }

    private static EmbeddedFontResolver Register()
    {
        var resolver = new EmbeddedFontResolver(Name, LoadTypeface(RegularResource), LoadTypeface(BoldResource));
        // ScottPlot's resolver list is a plain List; guard our one mutation of it.
        lock (Fonts.FontResolvers)
        {
            // First in the list so the embedded file is found before any system lookup.
            Fonts.FontResolvers.Insert(0, resolver);
        }
        return resolver;
    }

    private static SKTypeface LoadTypeface(string resourceName)
    {
        using Stream stream = typeof(FigureFont).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException(
                $"Embedded font resource '{resourceName}' is missing from {typeof(FigureFont).Assembly.GetName().Name}.");
        using SKData data = SKData.Create(stream);
        return SKTypeface.FromData(data)
            ?? throw new InvalidOperationException($"Embedded font resource '{resourceName}' is not a readable font.");
    }
}
