using System.Text.Json;
using System.Text.Json.Nodes;

namespace ScaleSim.Json;

/// <summary>The JSON spellings every result shares: intervals as two-number arrays, undefined numbers as null.</summary>
public static class JsonValues
{
    /// <summary>Indented output, as every file and <c>--json</c> document is written.</summary>
    public static JsonSerializerOptions Indented { get; } = new() { WriteIndented = true };

    /// <summary>A JSON array of two numbers, the form of every interval.</summary>
    public static JsonArray Pair(double low, double high) => [low, high];

    /// <summary>A number, or null when it is not finite (an interval bound beyond the data, an undefined quantity).</summary>
    public static JsonNode? Number(double value) => double.IsFinite(value) ? JsonValue.Create(value) : null;

    /// <summary>An interval as [low, high], each bound null when not finite.</summary>
    public static JsonArray Interval(double low, double high) => [Number(low), Number(high)];

    /// <summary>Writes <paramref name="node"/> to <paramref name="path"/> (indented), through a temporary file so a reader never sees half of it.</summary>
    public static void WriteFile(string path, JsonNode node)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null) Directory.CreateDirectory(directory);
        string temporary = path + ".tmp";
        File.WriteAllText(temporary, node.ToJsonString(Indented) + Environment.NewLine);
        File.Move(temporary, path, overwrite: true);
    }
}
