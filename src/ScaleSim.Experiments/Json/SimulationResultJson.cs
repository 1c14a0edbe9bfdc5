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
        Grids.TrainingGridSimulationResult r => Grid(r),
        Ladder.ProtocolLadderSimulationResult r => new JsonObject
        {
            ["scalesim_version"] = ScaleSimVersion.Current,
            ["experiment"] = r.Experiment.Name,
            ["sweep_seconds"] = r.Sweep.Seconds,
            ["core_seconds"] = r.CoreSeconds,
            ["steps"] = new JsonArray(r.Steps.Select(s => (JsonNode)Step(s)).ToArray()),
            ["conventions"] = new JsonArray(r.Conventions.Select(s => (JsonNode)Step(s)).ToArray()),
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
        json["robustness"] = new JsonArray(r.Robustness.Select(row => (JsonNode)new JsonObject
        {
            ["choice"] = row.Choice,
            ["setting"] = row.Setting,
            ["runs"] = row.Runs,
            ["a1"] = row.A1,
            ["a2"] = row.A2,
            ["a3"] = row.A3,
            ["E_fit"] = row.E,
            ["backtest_loss_error"] = row.BacktestLossError,
            ["backtest_params_ratio"] = row.BacktestParamsRatio,
            ["note"] = row.Note,
        }).ToArray());
        return json;
    }

    // One ladder step: its a with the 95% interval, b, and the allocation for 10× compute.
    private static JsonObject Step(Ladder.LadderStep s) => new()
    {
        ["number"] = s.Number,
        ["name"] = s.Name,
        ["change"] = s.Change,
        ["counted"] = s.NonEmbedding ? "non_embedding" : "total",
        ["points"] = s.Points.Count,
        ["a"] = s.Estimate?.A,
        ["ci95"] = s.Estimate?.CiA is { } a ? new JsonArray(a.Low, a.High) : null,
        ["b"] = s.Estimate?.B,
        ["ci95_b"] = s.Estimate?.CiB is { } b ? new JsonArray(b.Low, b.High) : null,
        ["params_per_10x"] = s.ParamsPer10x,
        ["tokens_per_10x"] = s.TokensPer10x,
        ["profiles_with_minimum"] = s.Estimate?.Points.Count,
        ["published_a"] = s.PublishedA,
        ["failure"] = s.Failure,
    };

    private static JsonObject Grid(Grids.TrainingGridSimulationResult r) => new()
    {
        ["experiment"] = r.Experiment.Name,
        ["sweep_seconds"] = r.Sweep.Seconds,
        ["core_seconds"] = r.CoreSeconds,
        ["runs"] = new JsonArray(r.Cells.Select(c => (JsonNode)new JsonObject
        {
            ["run"] = c.Run.Id,
            ["d_model"] = c.Width,
            ["tokens_per_param"] = c.TokensPerParam,
            ["tokens"] = c.Run.Tokens,
            ["learning_rate_numerator"] = c.Numerator,
            ["batch"] = c.Batch,
            ["schedule"] = c.Schedule == Training.Sweeps.ScheduleKind.Cosine ? "cosine" : "warmup_stable_decay",
            ["seed"] = c.Seed,
            ["loss"] = c.Loss,
        }).ToArray()),
        ["best_learning_rate"] = new JsonArray(r.Optima.Select(o => (JsonNode)new JsonObject
        {
            ["schedule"] = o.Schedule == Training.Sweeps.ScheduleKind.Cosine ? "cosine" : "warmup_stable_decay",
            ["tokens"] = o.Tokens,
            ["batch"] = o.Batch,
            ["d_model"] = o.Width,
            ["numerator"] = o.Best,
            ["at_edge"] = o.AtEdge,
        }).ToArray()),
        ["schedule_comparison"] = r.Comparison is not { } cmp ? null : new JsonObject
        {
            ["pairs"] = cmp.Pairs.Count,
            ["mean_relative_difference"] = cmp.Mean,
            ["ci95"] = ScaleSim.Json.JsonValues.Pair(cmp.Interval.Low, cmp.Interval.High),
        },
        ["schedule_comparison_long_runs"] = r.LongRunComparison is not { } longRuns ? null : new JsonObject
        {
            ["min_steps"] = r.Experiment.Batch.MinSteps,
            ["pairs"] = longRuns.Pairs.Count,
            ["mean_relative_difference"] = longRuns.Mean,
            ["ci95"] = ScaleSim.Json.JsonValues.Pair(longRuns.Interval.Low, longRuns.Interval.High),
        },
        ["notes"] = new JsonArray(r.Notes.Select(n => (JsonNode)n).ToArray()),
    };
}
