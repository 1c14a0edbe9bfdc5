using System.Text.Json.Nodes;
using ScaleSim.Training.Backends;
using ScaleSim.Training.Backends.Verification;

namespace ScaleSim.Cli.Output;

/// <summary>The JSON of <c>bench verify --json</c>: the device, whether every check passed, and every check.</summary>
internal static class VerificationJson
{
    public static JsonObject ToJson(BackendVerificationReport report) => new()
    {
        ["device"] = report.Device.ToName(),
        ["backend"] = report.Backend,
        ["passed"] = report.Passed,
        ["failed_checks"] = report.Checks.Count(c => !c.Passed),
        ["checks_run"] = report.Checks.Count,
        ["seconds"] = Math.Round(report.Seconds, 2),
        ["checks"] = new JsonArray(report.Checks.Select(c => (JsonNode?)new JsonObject
        {
            ["check"] = c.Kind.ToName(),
            ["shape"] = c.Shape,
            ["quantity"] = c.Quantity,
            ["tolerance"] = c.Tolerance,
            // How close the worst element came to its tolerance (at most 1 passes); null for bit-for-bit checks.
            ["worst_ratio"] = c.WorstRatio switch
            {
                null => null,
                { } r when double.IsFinite(r) => JsonValue.Create(double.Parse(r.ToString("G4", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture)),
                _ => JsonValue.Create("inf"),
            },
            ["passed"] = c.Passed,
            ["detail"] = c.Detail,
        }).ToArray()),
    };
}
