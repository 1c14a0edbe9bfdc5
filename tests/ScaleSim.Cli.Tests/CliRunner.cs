using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ScaleSim.Cli.Tests;

/// <summary>Runs the scalesim command line in-process and captures what it prints.</summary>
internal static class CliRunner
{
    public sealed record Result(int ExitCode, string Out, string Error);

    public static Result Run(params string[] args) => RunWithInput(null, args);

    /// <summary>Runs with <paramref name="stdin"/> as standard input (null: none given).</summary>
    public static Result RunWithInput(string? stdin, params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        int code = ScaleSimApp.Run(args, stdout, stderr, stdin is null ? null : new StringReader(stdin));
        return new Result(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>JSON from stdout with every number rounded to <paramref name="digits"/> significant digits, for snapshots.</summary>
    public static string RoundedJson(string json, int digits = 6)
    {
        var node = JsonNode.Parse(json)!;
        return Round(node, digits)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static JsonNode? Round(JsonNode? node, int digits) => node switch
    {
        JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, Round(p.Value, digits)))),
        JsonArray array => new JsonArray(array.Select(v => Round(v, digits)).ToArray()),
        JsonValue value when value.GetValueKind() == JsonValueKind.Number =>
            JsonValue.Create(double.Parse(value.GetValue<double>().ToString("G" + digits, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)),
        _ => node?.DeepClone(),
    };
}
