using System.CommandLine;
using ScaleSim.Cli.Commands.PlanModes;
using ScaleSim.Cli.Figures;
using ScaleSim.Cli.Output;
using System.Text.Json.Nodes;
using ScaleSim.Analysis;
using ScaleSim.Fitting;
using ScaleSim.Hardware;
using ScaleSim.Json;
using ScaleSim.Laws;
using ScaleSim.Planning;
using ScaleSim.Units;
using Spectre.Console;

namespace ScaleSim.Cli.Commands;

/// <summary><c>scalesim plan</c>: how many parameters and tokens for a budget, a model size, a data size or a target loss.</summary>
internal static class PlanCommand
{
    public static Command Create(CliContext context)
    {
        var flops = new Option<string?>("--flops")
        {
            Description = "Training compute budget C in FLOPs (5.76e23), several (1e21,1e23) or a geometric range FROM:TO:xFACTOR (1e21:1e25:x10): one row each.",
        };
        var law = new Option<string?>("--law")
        {
            Description = "Published law (hoffmann, epoch, kaplan; muennighoff with --unique-tokens) or a law JSON file (a moe-fine-grained one with --experts) from 'scalesim fit --out' or 'analyze --out' (its bootstrap gives 95% intervals). Default: epoch.",
        };
        var parameters = CommonOptions.Quantity("--params", "Fix the model size N (70B): with --flops, D = C/6N; alone, the compute-optimal D for N.");
        var tokens = CommonOptions.Quantity("--tokens", "Fix the token count D (1.4T): with --flops, N = C/6D; alone, the compute-optimal N for D.");
        var target = CommonOptions.Number("--target-loss", "The least compute whose optimal allocation reaches this loss.");
        var unique = CommonOptions.Quantity("--unique-tokens", "Only U unique tokens exist: the best N, D and epochs with repeated data (Muennighoff et al. 2023).");
        var inference = CommonOptions.Quantity("--inference-tokens", "The model will serve T tokens: minimise training plus inference FLOPs (Sardana et al. 2024); with --target-loss or --flops (total budget).");
        var experts = CommonOptions.Number("--experts", "Plan a mixture of experts with expansion rate E (Krajewski et al. 2024): active and total parameters, dense-equivalent compute.");
        var granularity = CommonOptions.Number("--granularity", "Expert granularity G for --experts (default 1).");
        var denseLaw = new Option<string?>("--dense-law") { Description = "With --experts: a dense law (name or file, fitted on the same data) to price the dense model reaching the same loss." };
        var overhead = new Option<bool>("--overhead") { Description = "Tabulate the extra training compute of models smaller than compute-optimal reaching the same loss (de Vries 2023)." };
        var gpu = new Option<string?>("--gpu") { Description = $"Price the plan in accelerator-hours on this accelerator ({string.Join(", ", Accelerators.All.Select(a => a.Name))}; peak dense BF16/FP16, see docs/methods.md)." };
        var peakFlops = CommonOptions.Quantity("--peak-flops", "Price the plan on an accelerator of this peak throughput in FLOP/s (989e12, 989T) instead of --gpu.");
        var mfu = CommonOptions.Number("--mfu", $"Model FLOPs utilisation for --gpu/--peak-flops (default {TrainingCost.DefaultMfu}, about what large dense runs reach; PaLM reports 0.46).");
        var gpus = TrainingOptions.Integer("--gpus", "With --gpu/--peak-flops: accelerators running at once, for wall-clock days.");
        var json = CommonOptions.Json();
        var format = CommonOptions.Format();
        var figureOptions = new FigureOptions();
        var command = new Command("plan", "Plan a training run: compute-optimal parameters and tokens under a scaling law.")
        {
            flops, law, parameters, tokens, target, unique, inference, experts, granularity, denseLaw, overhead, gpu, peakFlops, mfu, gpus, json, format,
        };
        figureOptions.AddTo(command);
        command.SetAction(parse =>
        {
            var outputFormat = CommonOptions.FormatOf(parse, format, json);
            var budgets = parse.GetValue(flops) is { } text ? Quantity.ParseList(text, "flops") : null;
            var pricing = Pricing(parse.GetValue(gpu), parse.GetValue(peakFlops), parse.GetValue(mfu), parse.GetValue(gpus));
            var request = new PlanRequest(parse.GetValue(law), budgets is { Count: 1 } ? budgets[0] : null, parse.GetValue(parameters), parse.GetValue(tokens),
                parse.GetValue(target), parse.GetValue(unique), parse.GetValue(inference), parse.GetValue(experts), parse.GetValue(granularity),
                parse.GetValue(denseLaw), parse.GetValue(overhead), outputFormat == OutputFormat.Json, figureOptions.Read(parse));
            if (request.AsksAConstrainedQuestion)
            {
                if (budgets is { Count: > 1 }) throw new InputException("several budgets in --flops work for the plain plan only; give one with --unique-tokens, --inference-tokens, --experts or --overhead");
                if (pricing is not null) throw new InputException("--gpu and --peak-flops price the plain plan only; drop them with --unique-tokens, --inference-tokens, --experts or --overhead");
                if (outputFormat == OutputFormat.Csv) throw new InputException("--format csv prints the plain plan's rows; the constrained questions print a table or JSON");
                return ConstrainedPlan.Run(context, request);
            }

            string lawName = request.Law ?? "epoch";
            var planner = ComputePlanner.For(LawFile.Resolve(lawName));
            var resamples = LawFile.ReadResamples(lawName);
            var range = LawFile.ReadFittedRange(lawName);
            var allocationLaws = AnalysisLawFile.ReadAllocations(lawName);
            double? fixedParams = parse.GetValue(parameters), fixedTokens = parse.GetValue(tokens), targetLoss = parse.GetValue(target);
            var rows = new List<PlanRow>();
            foreach (double? budget in budgets?.Select(b => (double?)b) ?? [null])
            {
                Allocation Question(ComputePlanner p) => Solve(p, budget, fixedParams, fixedTokens, targetLoss);
                var plan = Question(planner);
                // A split the user fixed is refused; one the allocation rule chose (e.g. Kaplan's frontier for a given N) is warned about.
                if (budget.HasValue && (fixedParams.HasValue || fixedTokens.HasValue)) TrainingRunCheck.RequireTrainingRun(plan, range);
                rows.Add(new PlanRow(plan,
                    planner.Optimal(plan.Flops),
                    planner.Rule is LawMinimumRule ? null : new ComputePlanner(planner.Law, new LawMinimumRule(planner.Law)).Optimal(plan.Flops),
                    resamples is null ? null : AllocationIntervals.Of(plan, resamples, Question),
                    pricing?.Invoke(plan.Flops),
                    TrainingRunCheck.Warnings(plan, range),
                    // A law file from 'analyze --out' also carries each approach's allocation law and its resamples.
                    allocationLaws?.Select(e => (e.Approach, Prediction: e.PredictAt(plan.Flops))).ToList()));
            }
            foreach (var warning in rows.SelectMany(r => r.Warnings)) context.Warn(warning);

            if (figureOptions.Read(parse) is { } figureTarget)
            {
                if (rows.Count > 1) throw new InputException("--plot draws one budget's IsoFLOP profile; give one budget in --flops");
                context.Error.WriteLine($"wrote {PlanFigures.Write(figureTarget, planner, rows[0].Plan, lawName)}");
            }
            switch (outputFormat)
            {
                case OutputFormat.Json: WriteJson(context, rows, lawName, planner, severalBudgets: budgets is { Count: > 1 }); break;
                case OutputFormat.Csv: WriteCsv(context, rows, lawName); break;
                default: RenderTable(context, rows, lawName, planner); break;
            }
            return 0;
        });
        return command;
    }

    /// <summary>One budget's answer: the plan and what is shown beside it.</summary>
    private sealed record PlanRow(
        Allocation Plan,
        Allocation Optimal,
        Allocation? LawMinimum,
        AllocationIntervals? Intervals,
        TrainingCost? Cost,
        IReadOnlyList<string> Warnings,
        IReadOnlyList<(string Approach, AllocationPrediction Prediction)>? Approaches)
    {
        public bool IsOptimal => SameSplit(Plan, Optimal);
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

    /// <summary>The cost of a budget on the accelerator the options name, or null when none is named.</summary>
    private static Func<double, TrainingCost>? Pricing(string? gpu, double? peakFlops, double? mfu, int? gpus)
    {
        if (gpu is not null && peakFlops.HasValue) throw new InputException("--gpu and --peak-flops both give the peak throughput; give one");
        if (gpu is null && !peakFlops.HasValue)
        {
            if (mfu.HasValue || gpus.HasValue) throw new InputException($"{(mfu.HasValue ? "--mfu" : "--gpus")} prices the plan on an accelerator: give --gpu NAME or --peak-flops X");
            return null;
        }
        double peak = gpu is not null ? Accelerators.Find(gpu).PeakFlopsPerSecond : peakFlops!.Value;
        double utilisation = mfu ?? TrainingCost.DefaultMfu;
        // Checked once here so a bad option fails before any planning.
        TrainingCost.Of(1, peak, utilisation, gpus);
        return c => TrainingCost.Of(c, peak, utilisation, gpus);
    }

    private static void RenderTable(CliContext context, IReadOnlyList<PlanRow> rows, string lawName, ComputePlanner planner)
    {
        bool intervals = rows.Any(r => r.Intervals is not null), cost = rows.Any(r => r.Cost is not null), days = rows.Any(r => r.Cost?.WallClockDays is not null);
        var table = new Table().PlainTitle($"plan under {lawName}");
        table.AddColumn("allocation");
        // An interval shares its estimate's cell, so a plan with intervals and cost still fits a terminal.
        var headers = new List<string> { "FLOPs", intervals ? "params N [95%]" : "params N", intervals ? "tokens D [95%]" : "tokens D", "tokens/param", intervals ? "loss [95%]" : "loss" };
        if (cost) headers.Add("GPU-hours");
        if (days) headers.Add($"days on {rows.First(r => r.Cost?.Accelerators is not null).Cost!.Accelerators}");
        foreach (var header in headers) table.AddColumn(new TableColumn(Markup.Escape(header)).RightAligned());
        foreach (var row in rows)
        {
            AddRow(table, "plan", row.Plan, row.Intervals, intervals, row.Cost, cost, days);
            if (!row.IsOptimal) AddRow(table, "compute-optimal at the same C", row.Optimal, null, intervals, null, cost, days);
            if (row.LawMinimum is not null) AddRow(table, "minimum of the law's L(N, D)", row.LawMinimum, null, intervals, null, cost, days);
        }
        context.Console.Write(table);
        context.Console.WriteLine($"allocation rule: {planner.Rule.Description}");
        if (rows[0].Intervals is { } first)
            context.Console.WriteLine($"intervals: 2.5th to 97.5th percentile of the same question under each of the law file's {first.Resamples} bootstrap resamples{(first.Failed > 0 ? $" ({first.Failed} without an answer left out)" : "")}");
        if (rows[0].Cost is { } c)
            context.Console.WriteLine($"cost: GPU-hours = C / (peak {NumberFormat.Scale(c.PeakFlopsPerSecond)} FLOP/s × MFU {c.Mfu:G3}) / 3600, per accelerator (a TPU chip counts as one)");
        if (rows[0].LawMinimum is not null)
            context.Console.WriteLine("Kaplan et al. allocate along their compute-efficient frontier (Table 6), not at the minimum of their L(N, D) at C = 6ND; see docs/methods.md.");
        foreach (var row in rows)
            if (row.Approaches is not null) RenderApproaches(context, row.Approaches, planner, rows.Count > 1 ? row.Plan.Flops : null);
    }

    private static void WriteJson(CliContext context, IReadOnlyList<PlanRow> rows, string lawName, ComputePlanner planner, bool severalBudgets)
    {
        JsonObject Row(PlanRow row)
        {
            var result = AllocationJson.ToJson(row.Plan);
            if (!severalBudgets)
            {
                result["law"] = lawName;
                result["rule"] = planner.Rule.Name;
            }
            if (row.Intervals is { } i)
            {
                result["ci95"] = new JsonObject
                {
                    ["params"] = JsonValues.Interval(i.Params.Low, i.Params.High),
                    ["tokens"] = JsonValues.Interval(i.Tokens.Low, i.Tokens.High),
                    ["loss"] = JsonValues.Interval(i.Loss.Low, i.Loss.High),
                };
                result["bootstrap"] = new JsonObject { ["resamples"] = i.Resamples, ["without_answer"] = i.Failed };
            }
            if (row.Cost is { } c)
            {
                result["cost"] = new JsonObject
                {
                    ["peak_flops_per_second"] = c.PeakFlopsPerSecond,
                    ["mfu"] = c.Mfu,
                    ["gpu_hours"] = c.AcceleratorHours,
                    ["gpus"] = c.Accelerators,
                    ["wall_clock_days"] = c.WallClockDays,
                };
            }
            if (!row.IsOptimal) result["compute_optimal"] = AllocationJson.ToJson(row.Optimal);
            if (row.LawMinimum is not null) result["law_minimum"] = AllocationJson.ToJson(row.LawMinimum);
            if (row.Approaches is not null)
                result["approaches"] = new JsonObject(row.Approaches.Select(a => KeyValuePair.Create($"approach{a.Approach}", (JsonNode?)ScalingAnalysisJson.Prediction(a.Prediction))));
            if (row.Warnings.Count > 0) result["warnings"] = new JsonArray(row.Warnings.Select(w => (JsonNode)w).ToArray());
            return result;
        }
        // One budget keeps the single object plan has always printed; several give one object per budget under "rows".
        JsonNode output = severalBudgets
            ? new JsonObject { ["law"] = lawName, ["rule"] = planner.Rule.Name, ["rows"] = new JsonArray(rows.Select(r => (JsonNode)Row(r)).ToArray()) }
            : Row(rows[0]);
        JsonOutput.Write(context.Out, output);
    }

    /// <summary>One line per budget: the plan, its intervals and its cost (empty cells where not asked for).</summary>
    private static void WriteCsv(CliContext context, IReadOnlyList<PlanRow> rows, string lawName)
    {
        string[] header = ["law", "flops", "params", "tokens", "tokens_per_param", "loss",
            "params_ci95_low", "params_ci95_high", "tokens_ci95_low", "tokens_ci95_high", "loss_ci95_low", "loss_ci95_high",
            "gpu_hours", "gpus", "wall_clock_days"];
        CsvOutput.Write(context.Out, header, rows.Select(r => new object?[]
        {
            lawName, r.Plan.Flops, r.Plan.Params, r.Plan.Tokens, r.Plan.TokensPerParam, r.Plan.Loss,
            r.Intervals?.Params.Low, r.Intervals?.Params.High, r.Intervals?.Tokens.Low, r.Intervals?.Tokens.High, r.Intervals?.Loss.Low, r.Intervals?.Loss.High,
            r.Cost?.AcceleratorHours, r.Cost?.Accelerators, r.Cost?.WallClockDays,
        }));
    }

    /// <summary>What each approach of the analysed sweep allocates at the plan's budget, with its bootstrap intervals.</summary>
    private static void RenderApproaches(CliContext context, IReadOnlyList<(string Approach, AllocationPrediction Prediction)> approaches, ComputePlanner planner, double? budget)
    {
        string at = budget is { } c ? $" ({NumberFormat.Scale(c)} FLOPs)" : "";
        var table = new Table().PlainTitle($"the same budget{at} by each approach of the analysed sweep (95% bootstrap intervals)");
        table.AddColumn("approach");
        foreach (var header in new[] { "params N", "95% interval", "tokens D", "95% interval", "loss (law)" })
            table.AddColumn(new TableColumn(header).RightAligned());
        foreach (var (approach, p) in approaches)
        {
            string name = approach switch { "1" => "1. envelope", "2" => "2. IsoFLOP parabolas", _ => "3. parametric fit" };
            table.AddPlainRow(name, Quantity.Format(p.Params), Interval(p.ParamsInterval),
                Quantity.Format(p.Tokens), Interval(p.TokensInterval), NumberFormat.Fixed(planner.Law.Loss(new ScalePoint(p.Params, p.Tokens, p.Flops))));
        }
        context.Console.Write(table);

        static string Interval((double Low, double High)? ci) => ci is { } c ? $"[{Quantity.Format(c.Low)}, {Quantity.Format(c.High)}]" : "";
    }

    private static bool SameSplit(Allocation a, Allocation b) => Math.Abs(Math.Log(a.Params / b.Params)) < 1e-9;

    private static void AddRow(Table table, string label, Allocation a, AllocationIntervals? i, bool intervals, TrainingCost? c, bool cost, bool days)
    {
        string WithInterval(string estimate, ParameterInterval? interval, Func<double, string> format) =>
            intervals && interval is not null ? $"{estimate} [{format(interval.Low)}–{format(interval.High)}]" : estimate;
        var cells = new List<string>
        {
            label, NumberFormat.Scale(a.Flops),
            WithInterval(Quantity.Format(a.Params), i?.Params, Quantity.Format),
            WithInterval(Quantity.Format(a.Tokens), i?.Tokens, Quantity.Format),
            NumberFormat.Fixed(a.TokensPerParam, 1),
            WithInterval(NumberFormat.Fixed(a.Loss), i?.Loss, x => NumberFormat.Fixed(x, 3)),
        };
        if (cost) cells.Add(c is null ? "" : Quantity.Format(c.AcceleratorHours));
        if (days) cells.Add(c?.WallClockDays is { } d ? Quantity.Format(d) : "");
        table.AddPlainRow([.. cells]);
    }

}
