using System.Text.Json.Nodes;
using ScaleSim.Experiments.Cluster;

namespace ScaleSim.Cli.Output;

/// <summary>The JSON of <c>sweep submit --json</c>: job_id, tasks, script, and the array and runs behind them.</summary>
internal static class SlurmSubmissionJson
{
    public static JsonObject ToJson(SlurmSubmissionResult result, int? maxParallel) => new()
    {
        ["job_id"] = result.JobId,
        ["tasks"] = result.Tasks.Count,
        ["script"] = result.ScriptPath,
        ["array"] = result.Indices.Count == 0 ? null : SlurmArrayScript.ArraySpec(result.Indices, maxParallel),
        ["runs"] = new JsonArray(result.Tasks.SelectMany(t => t.Runs).Select(r => (JsonNode?)JsonValue.Create(r.Id)).ToArray()),
    };
}
