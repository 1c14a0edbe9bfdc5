using System.Text.Json.Nodes;
using ScaleSim.Training.Sweeps;

namespace ScaleSim.Cli.Output;

/// <summary>
/// <c>scalesim sweep plan --json</c>: the experiment, every planned run under the column names of the runs.csv the sweep
/// will write (<see cref="SweepColumns"/>) plus, for a branch, its stem and the stem step it starts from, its estimated seconds, the estimate in all, and the plan's warnings.
/// </summary>
internal static class SweepPlanJson
{
    public static JsonObject ToJson(SweepPlan plan, int parallel) => new()
    {
        ["experiment"] = plan.Experiment.Name,
        ["flop_model"] = plan.Experiment.FlopModel.Name,
        ["data"] = plan.Experiment.Data.Text,
        ["vocab"] = plan.Vocab,
        ["runs"] = new JsonArray(plan.Runs.Select(r => (JsonNode)Run(r)).ToArray()),
        ["estimated_core_seconds"] = plan.EstimatedCoreSeconds,
        ["parallel"] = parallel,
        ["estimated_wall_seconds"] = plan.EstimatedWallSeconds(parallel),
        ["warnings"] = new JsonArray(plan.Warnings.Select(w => (JsonNode)w).ToArray()),
    };

    private static JsonObject Run(PlannedRun r) => new()
    {
        [SweepColumns.Run] = r.Id,
        [SweepColumns.Role] = SweepTables.RoleName(r.Role),
        [SweepColumns.Budget] = r.Budget,
        [SweepColumns.Seed] = r.Seed,
        [SweepColumns.Layers] = r.Model.Layers,
        [SweepColumns.DModel] = r.Model.DModel,
        [SweepColumns.Heads] = r.Model.Heads,
        [SweepColumns.Context] = r.Model.Context,
        [SweepColumns.Batch] = r.Batch,
        [SweepColumns.Steps] = r.Steps,
        [SweepColumns.Params] = r.Model.Parameters,
        [SweepColumns.NonEmbeddingParams] = r.Model.NonEmbeddingParameters,
        [SweepColumns.Tokens] = r.Tokens,
        [SweepColumns.Flops] = r.Flops,
        ["stem"] = r.Stem,
        ["branch_step"] = r.BranchStep,
        ["estimated_seconds"] = r.EstimatedSeconds,
    };
}
