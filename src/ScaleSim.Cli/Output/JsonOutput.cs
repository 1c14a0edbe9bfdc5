using System.Text.Json;
using System.Text.Json.Nodes;

namespace ScaleSim.Cli.Output;

/// <summary>Writes a command's machine-readable result: one indented JSON document on stdout, nothing else.</summary>
internal static class JsonOutput
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    public static void Write(TextWriter writer, JsonNode node) => writer.WriteLine(node.ToJsonString(Options));

    public static void WriteFile(string path, JsonNode node)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null) Directory.CreateDirectory(directory);
        // Write then rename, so a reader never sees half a file.
        string temporary = path + ".tmp";
        File.WriteAllText(temporary, node.ToJsonString(Options) + Environment.NewLine);
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>A JSON array of two numbers, the form of every interval.</summary>
    public static JsonArray Pair(double low, double high) => [low, high];

    /// <summary>A number, or null when it is not finite (an interval bound beyond the data, an undefined quantity).</summary>
    public static JsonNode? Number(double value) => double.IsFinite(value) ? JsonValue.Create(value) : null;

    /// <summary>An interval as [low, high], each bound null when not finite.</summary>
    public static JsonArray Interval(double low, double high) => [Number(low), Number(high)];
}
