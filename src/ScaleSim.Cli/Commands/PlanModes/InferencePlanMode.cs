using System.Text.Json.Nodes;
using ScaleSim.Cli.Figures;
using ScaleSim.Cli.Output;
using ScaleSim.Laws;
using ScaleSim.Planning;
using Spectre.Console;

namespace ScaleSim.Cli.Commands.PlanModes;

/// <summary><c>scalesim plan --inference-tokens T (--target-loss L | --flops C)</c>: training plus inference (Sardana et al. 2024).</summary>
internal static class InferencePlanMode
{
    public static int Run(CliContext context, PlanRequest request)
    {
        string lawName = request.Law ?? "epoch";
        var law = ComputePlanner.For(LawFile.Resolve(lawName)).Law;
        double inference = request.InferenceTokens!.Value;
        if (!double.IsFinite(inference) || inference < 0)
            throw new InputException($"--inference-tokens must be a non-negative finite number, got {inference}");
        if (request.TargetLoss.HasValue == request.Flops.HasValue)
            throw new InputException("--inference-tokens needs either --target-loss L (the cheapest model reaching it) or --flops C (the total training-plus-inference budget)");
        var planner = new InferenceAwarePlanner(law);
        var plan = request.TargetLoss.HasValue
            ? planner.ForTargetLoss(CommonOptions.Positive(request.TargetLoss, "--target-loss"), inference)
            : planner.ForTotalBudget(CommonOptions.Positive(request.Flops, "--flops"), inference);

        if (request.Figures is { } figureTarget)
            context.Error.WriteLine($"wrote {InferenceFigures.Write(figureTarget, planner, plan, lawName)}");
        if (request.Json)
        {
            var json = new JsonObject
            {
                ["law"] = lawName,
                ["inference_tokens"] = inference,
            };
            if (request.TargetLoss.HasValue) json["target_loss"] = request.TargetLoss.Value;
            else json["total_flops"] = request.Flops!.Value;
            json["inference_aware"] = ToJson(plan.InferenceAware);
            json["compute_optimal"] = ToJson(plan.ComputeOptimal);
            json["flops_saved"] = plan.FlopsSaved;
            json["fraction_saved"] = plan.FractionSaved;
            json["params_convention"] = "total";
            json["flop_model"] = "6nd training, 2nd inference";
            JsonOutput.Write(context.Out, json);
            return 0;
        }

        string question = request.TargetLoss.HasValue
            ? $"target loss {request.TargetLoss.Value:0.0###}"
            : $"a total budget of {NumberFormat.Scale(request.Flops!.Value)} FLOPs";
        var table = new Table().PlainTitle($"{question} under {lawName}, serving {NumberFormat.Count(inference)} tokens");
        table.AddColumn("model");
        foreach (var header in new[] { "params N", "tokens D", "tokens/param", "training FLOPs", "inference FLOPs", "total FLOPs", "loss" })
            table.AddColumn(new TableColumn(header).RightAligned());
        AddRow(table, "inference-aware", plan.InferenceAware);
        AddRow(table, "compute-optimal (Chinchilla)", plan.ComputeOptimal);
        context.Console.Write(table);
        context.Console.WriteLine($"the inference-aware model saves {NumberFormat.Scale(plan.FlopsSaved)} FLOPs over its life ({plan.FractionSaved:P1} of the compute-optimal model's)");
        context.Console.WriteLine("N counts total parameters; training FLOPs 6·N·D, inference FLOPs 2·N per token served (Sardana et al. 2024)");
        return 0;
    }

    internal static JsonObject ToJson(LifetimeCost c) => new()
    {
        ["params"] = c.Params,
        ["tokens"] = c.TrainingTokens,
        ["tokens_per_param"] = c.TokensPerParam,
        ["training_flops"] = c.TrainingFlops,
        ["inference_flops"] = c.InferenceFlops,
        ["total_flops"] = c.TotalFlops,
        ["loss"] = c.Loss,
    };

    private static void AddRow(Table table, string label, LifetimeCost c) => table.AddPlainRow(label,
        NumberFormat.Count(c.Params), NumberFormat.Count(c.TrainingTokens), NumberFormat.Fixed(c.TokensPerParam, 1),
        NumberFormat.Scale(c.TrainingFlops), NumberFormat.Scale(c.InferenceFlops), NumberFormat.Scale(c.TotalFlops), NumberFormat.Fixed(c.Loss));
}
