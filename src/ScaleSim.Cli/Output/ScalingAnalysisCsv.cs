using System.Text.Json.Nodes;

namespace ScaleSim.Cli.Output;

/// <summary>
/// The CSV rows of an analysis (<c>analyze</c>, and <c>simulate</c> on an IsoFLOP experiment): the allocation laws,
/// one row per approach (N_opt = G_N·C^a, D_opt = G_D·C^b with their intervals), from the JSON's
/// <c>approach1</c>…<c>approach3</c>; the rest of the analysis (fit, backtest, predictions) is in the JSON.
/// </summary>
internal static class ScalingAnalysisCsv
{
    public static IEnumerable<JsonObject> Rows(JsonObject json) => new[] { "1", "2", "3" }
        .Where(k => json[$"approach{k}"] is JsonObject)
        .Select(k =>
        {
            var row = new JsonObject { ["approach"] = k };
            foreach (var (key, value) in json[$"approach{k}"]!.AsObject()) row[key] = value?.DeepClone();
            return row;
        });
}
