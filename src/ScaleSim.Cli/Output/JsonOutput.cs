using System.Text.Json.Nodes;
using ScaleSim.Json;

namespace ScaleSim.Cli.Output;

/// <summary>Writes a command's machine-readable result: one indented JSON document on stdout, nothing else.</summary>
internal static class JsonOutput
{
    public static void Write(TextWriter writer, JsonNode node) => writer.WriteLine(node.ToJsonString(JsonValues.Indented));

    public static void WriteFile(string path, JsonNode node) => JsonValues.WriteFile(path, node);
}
