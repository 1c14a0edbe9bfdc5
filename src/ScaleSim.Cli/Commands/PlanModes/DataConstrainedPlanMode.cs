using System.Text.Json.Nodes;
using ScaleSim.Cli.Figures;
using ScaleSim.Cli.Output;
using ScaleSim.Laws;
using ScaleSim.Planning;
using Spectre.Console;

namespace ScaleSim.Cli.Commands.PlanModes;

/// <summary><c>scalesim plan --flops C --unique-tokens U</c>: the best split when unique data runs out (Muennighoff et al. 2023).</summary>
internal static class DataConstrainedPlanMode
{
    public static int Run(CliContext context, PlanRequest request)
    {
        string lawName = request.Law ?? "muennighoff";
        var law = LawFile.Resolve(lawName) as DataConstrainedLaw ?? throw new InputException(
            $"--unique-tokens needs a data-constrained law (muennighoff, or a law from 'fit --law data-constrained'); '{lawName}' is not one");
        double flops = request.RequireFlops("--unique-tokens");
        double unique = CommonOptions.Positive(request.UniqueTokens, "--unique-tokens");
        var planner = new DataConstrainedPlanner(law);
        var plan = planner.Plan(flops, unique);
        var warnings = Warnings(plan);
        foreach (var warning in warnings) context.Warn(warning);

        if (request.Figures is { } figureTarget)
            context.Error.WriteLine($"wrote {DataConstrainedFigures.Write(figureTarget, planner, plan, lawName)}");
        if (request.Json)
        {
            var json = AllocationJson.ToJson(plan.Plan);
            json["law"] = lawName;
            json["unique_tokens"] = plan.UniqueTokens;
            json["epochs"] = plan.Epochs;
            json["repetitions"] = plan.Terms.Repetitions;
            json["effective_tokens"] = plan.Terms.EffectiveTokens;
            json["effective_params"] = plan.Terms.EffectiveParams;
            json["unlimited"] = AllocationJson.ToJson(plan.Unlimited);
            json["loss_penalty"] = plan.LossPenalty;
            json["params_convention"] = "total";
            json["flop_model"] = "6nd";
            json["warnings"] = new JsonArray(warnings.Select(w => (JsonNode)JsonValue.Create(w)!).ToArray());
            JsonOutput.Write(context.Out, json);
            return 0;
        }

        var table = new Table().PlainTitle($"plan under {lawName} with {NumberFormat.Count(unique)} unique tokens");
        table.AddColumn("allocation");
        foreach (var header in new[] { "FLOPs", "params N", "tokens D", "epochs", "tokens/param", "loss" })
            table.AddColumn(new TableColumn(header).RightAligned());
        table.AddPlainRow("with the unique tokens", NumberFormat.Scale(plan.Plan.Flops), NumberFormat.Count(plan.Plan.Params),
            NumberFormat.Count(plan.Plan.Tokens), NumberFormat.Fixed(plan.Epochs, 2), NumberFormat.Fixed(plan.Plan.TokensPerParam, 1), NumberFormat.Fixed(plan.Plan.Loss));
        table.AddPlainRow("unlimited unique data", NumberFormat.Scale(plan.Unlimited.Flops), NumberFormat.Count(plan.Unlimited.Params),
            NumberFormat.Count(plan.Unlimited.Tokens), "1.00", NumberFormat.Fixed(plan.Unlimited.TokensPerParam, 1), NumberFormat.Fixed(plan.Unlimited.Loss));
        context.Console.Write(table);
        context.Console.WriteLine($"effective data D' = {NumberFormat.Count(plan.Terms.EffectiveTokens)} tokens, effective parameters N' = {NumberFormat.Count(plan.Terms.EffectiveParams)}; the data limit costs {NumberFormat.Fixed(plan.LossPenalty)} in loss");
        context.Console.WriteLine($"N counts total parameters; FLOPs C = 6ND with D every token seen, repeats included (Muennighoff et al. 2023, R_D* = {law.RStarD:F2}, R_N* = {law.RStarN:F2})");
        return 0;
    }

    private static List<string> Warnings(DataConstrainedPlan plan)
    {
        var warnings = new List<string>();
        if (plan.PastRStarD)
            warnings.Add($"{plan.Epochs:F1} epochs is past R_D* = {plan.RStarD:F1}: further repeats add little, so more unique data or a smaller budget would serve better");
        else if (plan.PastFourEpochs)
            warnings.Add($"{plan.Epochs:F1} epochs: past about 4 epochs repeated tokens are worth clearly less than fresh ones (Muennighoff et al. 2023)");
        return warnings;
    }
}
