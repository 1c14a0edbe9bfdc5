using System.CommandLine;
using ScaleSim.Cli.Commands.PlanModes;
using ScaleSim.Cli.Figures;
using ScaleSim.Cli.Output;
using System.Text.Json.Nodes;
using ScaleSim.Analysis;
using ScaleSim.Json;
using ScaleSim.Laws;
using ScaleSim.Planning;
using Spectre.Console;

namespace ScaleSim.Cli.Commands;

/// <summary><c>scalesim plan</c>: how many parameters and tokens for a budget, a model size, a data size or a target loss.</summary>
internal static class PlanCommand
{
    public static Command Create(CliContext context)
    {
        var flops = CommonOptions.Number("--flops", "Training compute budget C in FLOPs (e.g. 5.76e23).");
        var law = new Option<string?>("--law")
        {
            Description = "Published law (hoffmann, epoch, kaplan; muennighoff with --unique-tokens) or a law JSON file (a moe-fine-grained one with --experts) from 'scalesim fit --out'. Default: epoch.",
        };
        var parameters = CommonOptions.Number("--params", "Fix the model size N: with --flops, D = C/6N; alone, the compute-optimal D for N.");
        var tokens = CommonOptions.Number("--tokens", "Fix the token count D: with --flops, N = C/6D; alone, the compute-optimal N for D.");
        var target = CommonOptions.Number("--target-loss", "The least compute whose optimal allocation reaches this loss.");
        var unique = CommonOptions.Number("--unique-tokens", "Only U unique tokens exist: the best N, D and epochs with repeated data (Muennighoff et al. 2023).");
        var inference = CommonOptions.Number("--inference-tokens", "The model will serve T tokens: minimise training plus inference FLOPs (Sardana et al. 2024); with --target-loss or --flops (total budget).");
        var experts = CommonOptions.Number("--experts", "Plan a mixture of experts with expansion rate E (Krajewski et al. 2024): active and total parameters, dense-equivalent compute.");
        var granularity = CommonOptions.Number("--granularity", "Expert granularity G for --experts (default 1).");
        var denseLaw = new Option<string?>("--dense-law") { Description = "With --experts: a dense law (name or file, fitted on the same data) to price the dense model reaching the same loss." };
        var overhead = new Option<bool>("--overhead") { Description = "Tabulate the extra training compute of models smaller than compute-optimal reaching the same loss (de Vries 2023)." };
        var json = CommonOptions.Json();
        var figureOptions = new FigureOptions();
        var command = new Command("plan", "Plan a training run: compute-optimal parameters and tokens under a scaling law.")
        {
            flops, law, parameters, tokens, target, unique, inference, experts, granularity, denseLaw, overhead, json,
        };
        figureOptions.AddTo(command);
        command.SetAction(parse =>
        {
            var request = new PlanRequest(parse.GetValue(law), parse.GetValue(flops), parse.GetValue(parameters), parse.GetValue(tokens),
                parse.GetValue(target), parse.GetValue(unique), parse.GetValue(inference), parse.GetValue(experts), parse.GetValue(granularity),
                parse.GetValue(denseLaw), parse.GetValue(overhead), parse.GetValue(json), figureOptions.Read(parse));
            if (request.AsksAConstrainedQuestion) return ConstrainedPlan.Run(context, request);

            string lawName = request.Law ?? "epoch";
            var planner = ComputePlanner.For(LawFile.Resolve(lawName));
            var plan = Solve(planner, parse.GetValue(flops), parse.GetValue(parameters), parse.GetValue(tokens), parse.GetValue(target));
            var optimal = planner.Optimal(plan.Flops);
            var lawMinimum = planner.Rule is LawMinimumRule ? null : new ComputePlanner(planner.Law, new LawMinimumRule(planner.Law)).Optimal(plan.Flops);
            // A law file from 'analyze --out' also carries each approach's allocation law and its resamples.
            var approaches = AnalysisLawFile.ReadAllocations(lawName)?.Select(e => (e.Approach, Prediction: e.PredictAt(plan.Flops))).ToList();

            if (figureOptions.Read(parse) is { } figureTarget)
                context.Error.WriteLine($"wrote {PlanFigures.Write(figureTarget, planner, plan, lawName)}");
            if (parse.GetValue(json))
            {
                var result = AllocationJson.ToJson(plan);
                result["law"] = lawName;
                result["rule"] = planner.Rule.Name;
                if (!SameSplit(plan, optimal)) result["compute_optimal"] = AllocationJson.ToJson(optimal);
                if (lawMinimum is not null) result["law_minimum"] = AllocationJson.ToJson(lawMinimum);
                if (approaches is not null)
                    result["approaches"] = new JsonObject(approaches.Select(a => KeyValuePair.Create($"approach{a.Approach}", (JsonNode?)ScalingAnalysisJson.Prediction(a.Prediction))));
                JsonOutput.Write(context.Out, result);
                return 0;
            }
            var table = new Table().PlainTitle($"plan under {lawName}");
            table.AddColumn("allocation");
            foreach (var header in new[] { "FLOPs", "params N", "tokens D", "tokens/param", "loss" })
                table.AddColumn(new TableColumn(header).RightAligned());
            AddRow(table, "plan", plan);
            if (!SameSplit(plan, optimal)) AddRow(table, "compute-optimal at the same C", optimal);
            if (lawMinimum is not null) AddRow(table, "minimum of the law's L(N, D)", lawMinimum);
            context.Console.Write(table);
            context.Console.WriteLine($"allocation rule: {planner.Rule.Description}");
            if (lawMinimum is not null)
                context.Console.WriteLine("Kaplan et al. allocate along their compute-efficient frontier (Table 6), not at the minimum of their L(N, D) at C = 6ND; see docs/methods.md.");
            if (approaches is not null) RenderApproaches(context, approaches, planner);
            return 0;
        });
        return command;
    }

    /// <summary>Chooses the question from the options given.</summary>
    internal static Allocation Solve(ComputePlanner planner, double? flops, double? parameters, double? tokens, double? target)
    {
        int fixedCount = new[] { parameters.HasValue, tokens.HasValue, target.HasValue }.Count(b => b);
        if (fixedCount > 1) throw new InputException("give at most one of --params, --tokens and --target-loss");
        if (target.HasValue)
        {
            if (flops.HasValue) throw new InputException("--target-loss finds the budget itself; drop --flops");
            return planner.ForTargetLoss(CommonOptions.Positive(target, "--target-loss"));
        }
        if (flops.HasValue)
        {
            double c = CommonOptions.Positive(flops, "--flops");
            if (parameters.HasValue) return planner.AtParams(c, CommonOptions.Positive(parameters, "--params"));
            if (tokens.HasValue) return planner.AtTokens(c, CommonOptions.Positive(tokens, "--tokens"));
            return planner.Optimal(c);
        }
        if (parameters.HasValue) return planner.OptimalForParams(CommonOptions.Positive(parameters, "--params"));
        if (tokens.HasValue) return planner.OptimalForTokens(CommonOptions.Positive(tokens, "--tokens"));
        throw new InputException("give --flops, or one of --params, --tokens, --target-loss");
    }

    /// <summary>What each approach of the analysed sweep allocates at the plan's budget, with its bootstrap intervals.</summary>
    private static void RenderApproaches(CliContext context, IReadOnlyList<(string Approach, AllocationPrediction Prediction)> approaches, ComputePlanner planner)
    {
        var table = new Table().PlainTitle("the same budget by each approach of the analysed sweep (95% bootstrap intervals)");
        table.AddColumn("approach");
        foreach (var header in new[] { "params N", "95% interval", "tokens D", "95% interval", "loss (law)" })
            table.AddColumn(new TableColumn(header).RightAligned());
        foreach (var (approach, p) in approaches)
        {
            string name = approach switch { "1" => "1. envelope", "2" => "2. IsoFLOP parabolas", _ => "3. parametric fit" };
            table.AddPlainRow(name, NumberFormat.Scale(p.Params), Interval(p.ParamsInterval),
                NumberFormat.Scale(p.Tokens), Interval(p.TokensInterval), NumberFormat.Fixed(planner.Law.Loss(new ScalePoint(p.Params, p.Tokens, p.Flops))));
        }
        context.Console.Write(table);

        static string Interval((double Low, double High)? ci) => ci is { } c ? $"[{NumberFormat.Scale(c.Low)}, {NumberFormat.Scale(c.High)}]" : "";
    }

    private static bool SameSplit(Allocation a, Allocation b) => Math.Abs(Math.Log(a.Params / b.Params)) < 1e-9;

    private static void AddRow(Table table, string label, Allocation a) => table.AddPlainRow(label,
        NumberFormat.Scale(a.Flops), NumberFormat.Scale(a.Params), NumberFormat.Scale(a.Tokens),
        NumberFormat.Fixed(a.TokensPerParam, 1), NumberFormat.Fixed(a.Loss));
}
