using System.Text.Json;
using System.Text.Json.Nodes;
using ScaleSim.Training.Sweeps.Cluster;

namespace ScaleSim.Cli.Output;

/// <summary>The JSON of <c>sweep status --json</c>: counts by state, and every run.</summary>
internal static class SweepStatusJson
{
    public static JsonObject ToJson(SweepStatusReport report) => new()
    {
        ["experiment"] = report.Experiment,
        ["directory"] = report.Directory,
        ["counts"] = new JsonObject
        {
            ["pending"] = report.Counts.Pending,
            ["claimed"] = report.Counts.Claimed,
            ["running"] = report.Counts.Running,
            ["completed"] = report.Counts.Completed,
            ["diverged"] = report.Counts.Diverged,
            ["failed"] = report.Counts.Failed,
        },
        ["queue_consulted"] = report.QueueConsulted,
        ["tabled_runs"] = report.TabledRuns,
        ["runs"] = new JsonArray(report.Runs.Select(r => (JsonNode?)new JsonObject
        {
            ["run"] = r.Run,
            ["index"] = r.Index,
            ["state"] = StateName(r.State),
            ["step"] = r.Step,
            ["total_steps"] = r.TotalSteps,
            ["holder"] = r.Holder,
            ["heartbeat_age_s"] = r.HeartbeatAgeSeconds is { } age ? Math.Round(age, 1) : null,
            ["queue_state"] = r.QueueState,
            ["note"] = r.Note,
        }).ToArray()),
    };

    /// <summary>A state as JSON and tables name it.</summary>
    public static string StateName(SweepRunState state) => JsonNamingPolicy.SnakeCaseLower.ConvertName(state.ToString());
}
