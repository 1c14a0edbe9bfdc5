using System.Text.Json.Nodes;
using ScaleSim.Cli.Output;
using ScaleSim.Flops;
using ScaleSim.Laws;
using ScaleSim.Planning;
using Spectre.Console;

namespace ScaleSim.Cli.Commands.PlanModes;

/// <summary><c>scalesim plan --flops C --experts E [--granularity G] --law MOE.json [--dense-law L]</c>: a compute-optimal fine-grained MoE (Krajewski et al. 2024).</summary>
internal static class MoePlanMode
{
    public static int Run(CliContext context, PlanRequest request)
    {
        string lawName = request.Law ?? throw new InputException(
            $"--experts needs --law FILE with a {FineGrainedMoeLaw.KindName} law: ScaleSim ships no MoE constants (Krajewski et al.'s could not be confirmed; see docs/methods.md)");
        var law = LawFile.Resolve(lawName) as FineGrainedMoeLaw ?? throw new InputException(
            $"--experts needs a {FineGrainedMoeLaw.KindName} law; '{lawName}' is not one");
        double flops = request.RequireFlops("--experts");
        var layout = new ExpertLayout(request.Experts!.Value, request.Granularity ?? 1);
        layout.Validate();
        IJointLossLaw? dense = request.DenseLaw is { } denseName ? ComputePlanner.For(LawFile.Resolve(denseName)).Law : null;
        var plan = new MoePlanner(law, dense).Optimal(flops, layout);

        if (request.Json)
        {
            var json = new JsonObject
            {
                ["law"] = lawName,
                ["flops"] = plan.Flops,
                ["experts"] = plan.Experts,
                ["granularity"] = plan.Granularity,
                ["active_params"] = plan.ActiveParams,
                ["total_params"] = plan.TotalParams,
                ["tokens"] = plan.Tokens,
                ["tokens_per_active_param"] = plan.TokensPerActiveParam,
                ["flops_per_token"] = plan.FlopsPerToken,
                ["router_flops_fraction"] = plan.RouterFraction,
                ["loss"] = plan.Loss,
                ["params_convention"] = "non-embedding (active and total)",
                ["flop_model"] = "moe-fine-grained",
                ["aspect_ratio"] = MoePlanner.DefaultAspectRatio,
            };
            if (plan.DenseEquivalent is { } d)
            {
                json["dense_law"] = request.DenseLaw;
                json["dense_equivalent"] = AllocationJson.ToJson(d);
                json["dense_compute_multiplier"] = plan.DenseComputeMultiplier;
            }
            JsonOutput.Write(context.Out, json);
            return 0;
        }

        var table = new Table().PlainTitle($"compute-optimal MoE at {NumberFormat.Scale(flops)} FLOPs: E = {plan.Experts:G4}, G = {plan.Granularity:G4}");
        table.AddColumn("quantity");
        table.AddColumn(new TableColumn("value").RightAligned());
        table.AddPlainRow("active params N", NumberFormat.Count(plan.ActiveParams));
        table.AddPlainRow("total params", NumberFormat.Count(plan.TotalParams));
        table.AddPlainRow("tokens D", NumberFormat.Count(plan.Tokens));
        table.AddPlainRow("tokens per active param", NumberFormat.Fixed(plan.TokensPerActiveParam, 1));
        table.AddPlainRow("FLOPs per token", NumberFormat.Scale(plan.FlopsPerToken));
        table.AddPlainRow("router share of FLOPs", $"{plan.RouterFraction:P2}");
        table.AddPlainRow("loss", NumberFormat.Fixed(plan.Loss));
        if (plan.DenseEquivalent is { } dense2)
        {
            table.AddPlainRow($"dense model, same loss ({request.DenseLaw})", $"N {NumberFormat.Count(dense2.Params)}, D {NumberFormat.Count(dense2.Tokens)}");
            table.AddPlainRow("dense-equivalent compute", $"{NumberFormat.Scale(dense2.Flops)} ({NumberFormat.Ratio(plan.DenseComputeMultiplier!.Value)})");
        }
        context.Console.Write(table);
        context.Console.WriteLine("N counts active non-embedding parameters, the total every expert; FLOPs per token 6·N_active + 14 per router weight");
        context.Console.WriteLine($"(Krajewski et al. 2024), shapes at d_model/n_layer = {MoePlanner.DefaultAspectRatio:G3} (ScaleSim's assumption).");
        if (plan.DenseEquivalent is null) context.Console.WriteLine("Give --dense-law (fitted on the same data) for the dense model that reaches the same loss.");
        return 0;
    }
}
