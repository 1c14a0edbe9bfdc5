using System.Text.Json.Nodes;
using ScaleSim.Json;

namespace ScaleSim.Experiments.Json;

/// <summary>
/// A simulation's result as JSON, the document written beside the report as result.json and printed by
/// <c>scalesim simulate --json</c>; every kind carries <c>scalesim_version</c>. IsoFLOP: the analysis of the experiment's own convention (<see cref="ScalingAnalysisJson"/>)
/// with <c>experiment</c>, <c>sweep_seconds</c>, <c>other_convention</c> and <c>targets</c>. Task sweep: <c>experiment</c>,
/// <c>data</c>, <c>sweep_seconds</c>, <c>runs</c> and <c>curves</c> (<see cref="TaskCurveResultJson"/>).
/// </summary>
public static class SimulationResultJson
{
    /// <summary>The result as JSON; an interrupted simulation has only <c>experiment</c>, <c>sweep_seconds</c> and <c>interrupted</c>.</summary>
    public static JsonObject ToJson(SimulationResult result) => result switch
    {
        IsoFlopSimulationResult r => IsoFlop(r),
        TaskSweepSimulationResult r => new JsonObject
        {
            ["scalesim_version"] = ScaleSimVersion.Current,
            ["experiment"] = r.Experiment.Name,
            ["data"] = r.Source.Description,
            ["sweep_seconds"] = r.Sweep.Seconds,
            ["runs"] = r.Runs.Count,
            ["curves"] = new JsonArray(r.Curves.Select(c => (JsonNode)TaskCurveResultJson.ToJson(c)).ToArray()),
        },
        _ => new JsonObject { ["scalesim_version"] = ScaleSimVersion.Current, ["experiment"] = result.Definition.Name, ["sweep_seconds"] = result.Sweep.Seconds, ["interrupted"] = true },
    };

    private static JsonObject IsoFlop(IsoFlopSimulationResult r)
    {
        var json = ScalingAnalysisJson.ToJson(r.Primary.Result, r.Primary.Convention);
        json["scalesim_version"] = ScaleSimVersion.Current;
        json["experiment"] = r.Experiment.Name;
        json["sweep_seconds"] = r.Sweep.Seconds;
        json["other_convention"] = ScalingAnalysisJson.ToJson(r.Analyses[1].Result, r.Analyses[1].Convention);
        json["targets"] = new JsonArray(r.Targets.Select(t => (JsonNode)new JsonObject { ["target"] = t.Target, ["measured"] = t.Measured, ["met"] = t.Met }).ToArray());
        return json;
    }
}
