using System.Globalization;
using System.Text.RegularExpressions;

namespace ScaleSim.Plotting;

/// <summary>Final touches to the SVG that ScottPlot (via SkiaSharp) writes.</summary>
internal static partial class SvgOutput
{
    private const string FontAttribute = "font-family=\"" + FigureFont.FamilyName + "\"";
    private const string FontAttributeWithFallbacks = "font-family=\"" + FigureFont.FamilyName + ", Verdana, Arial, sans-serif\"";

    /// <summary>
    /// Names the font with generic fallbacks (an SVG viewer uses its own fonts) and renumbers
    /// clip-path ids in document order: SkiaSharp draws them from a process-wide counter, which
    /// would make the same figure's SVG differ from one render to the next.
    /// </summary>
    public static string Finish(string svg)
    {
        var renamed = new Dictionary<string, string>();
        string result = ClipPathId().Replace(svg, match =>
        {
            string id = match.Groups["id"].Value;
            if (!renamed.TryGetValue(id, out string? replacement))
                renamed[id] = replacement = "clip" + (renamed.Count + 1).ToString(CultureInfo.InvariantCulture);
            return match.Value.Replace(id, replacement, StringComparison.Ordinal);
        });
        return result.Replace(FontAttribute, FontAttributeWithFallbacks, StringComparison.Ordinal);
    }

    [GeneratedRegex("(id=\"|url\\(#)(?<id>cl_[0-9A-Za-z]+)(?=[\")])")]
    private static partial Regex ClipPathId();
}
