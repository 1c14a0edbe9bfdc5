using System.CommandLine;
using System.Text.Json.Nodes;
using ScaleSim.Analysis;
using ScaleSim.Cli.Figures;
using ScaleSim.Cli.Output;
using ScaleSim.Laws;
using ScaleSim.Runs;
using Spectre.Console;

namespace ScaleSim.Cli.Commands;

/// <summary>
/// <c>scalesim analyze RUNS_DIR_OR_CSV</c>: Hoffmann et al.'s three approaches, Kaplan's fits and a backtest on any runs
/// table — a sweep directory (runs.csv, with curves.csv for Approach 1) or a user's CSV/TSV/JSON Lines file.
/// </summary>
internal static class AnalyzeCommand
{
    public static Command Create(CliContext context)
    {
        var input = new Argument<string>("RUNS") { Description = "A sweep directory (runs.csv and curves.csv) or a runs file." };
        var convention = new Option<string>("--params-convention")
        {
            Description = "Count N as total or non-embedding parameters (columns params / non_embedding_params); C then follows as 6ND.",
            DefaultValueFactory = _ => "total",
        };
        convention.AcceptOnlyFromAmong("total", "non-embedding");
        var bootstrap = new Option<int>("--bootstrap") { Description = "Bootstrap resamples for every interval.", DefaultValueFactory = _ => 200 };
        var seed = new Option<int>("--seed") { Description = "Bootstrap seed.", DefaultValueFactory = _ => 0 };
        var floor = CommonOptions.Number("--entropy-floor", "The source's known irreducible loss (read from runs.csv's entropy_floor column when present).");
        var minSteps = new Option<int>("--min-steps") { Description = "Leave out runs that took fewer optimizer steps (needs a steps column).", DefaultValueFactory = _ => 0 };
        var json = CommonOptions.Json();
        var plot = CommonOptions.Plot();
        var runOptions = new RunOptions();
        var command = new Command("analyze", "Fit Approaches 1-3 and Kaplan's laws to runs, with intervals, and backtest the largest budget.")
        {
            input, convention, bootstrap, seed, floor, minSteps, json, plot,
        };
        runOptions.AddTo(command);
        command.SetAction(parse =>
        {
            var loaded = Load(parse.GetValue(input)!, parse.GetValue(convention)!, parse, runOptions, context, parse.GetValue(minSteps));
            int resamples = parse.GetValue(bootstrap);
            if (resamples < 0) throw new InputException($"--bootstrap must be non-negative, got {resamples}");
            double? entropy = parse.GetValue(floor) is { } f ? CommonOptions.Positive(f, "--entropy-floor") : EntropyFloor(loaded.Runs);
            var result = ScalingAnalysis.Run(loaded.Runs, loaded.Curves, new AnalysisOptions { Resamples = resamples, Seed = parse.GetValue(seed), EntropyFloor = entropy }, loaded.Groups);
            foreach (var note in result.Notes) context.Warn(note);
            if (parse.GetValue(plot) is { } dir)
                foreach (var (file, _) in AnalysisFigures.Write(dir, result, loaded.Curves, loaded.ParamsLabel))
                    context.Error.WriteLine($"wrote {Path.Combine(dir, file)}.png (and .svg)");
            if (parse.GetValue(json)) JsonOutput.Write(context.Out, ToJson(result, parse.GetValue(convention)!));
            else Render(context, result, parse.GetValue(convention)!);
            return 0;
        });
        return command;
    }

    internal sealed record LoadedRuns(RunTable Runs, IReadOnlyList<TrainingCurve>? Curves, IReadOnlyList<IsoFlopGroup>? Groups, string ParamsLabel);

    /// <summary>
    /// Reads runs (and, from a sweep directory, curves) under the chosen parameter convention. A sweep's C is always
    /// derived as 6ND from the chosen N, so compute and size use one convention, and its IsoFLOP groups come from the
    /// budget column.
    /// </summary>
    internal static LoadedRuns Load(string path, string convention, ParseResult? parse, RunOptions? runOptions, CliContext context, int minSteps = 0)
    {
        bool nonEmbedding = convention == "non-embedding";
        bool sweep = Directory.Exists(path);
        string paramsColumn = nonEmbedding ? "non_embedding_params" : "params";
        string runsFile = sweep ? Path.Combine(path, "runs.csv") : path;
        if (sweep && !File.Exists(runsFile)) throw new InputException($"{path}: no runs.csv in this directory");
        var raw = RawTable.Read(runsFile);
        string? Get(Option<string?>? option) => parse is null || option is null ? null : parse.GetValue(option);
        var columns = new RunColumns(
            Get(runOptions?.Params) ?? (nonEmbedding || raw.IndexOf("params") >= 0 ? paramsColumn : null),
            Get(runOptions?.Tokens), Get(runOptions?.Flops), Get(runOptions?.Loss),
            DeriveFlops: nonEmbedding || sweep);
        string flopModel = parse is null || runOptions is null ? "6nd" : parse.GetValue(runOptions.FlopModel)!;
        var runs = RunTableLoader.FromRaw(raw, columns, Flops.FlopModels.Parse(flopModel));
        foreach (var warning in runs.Warnings) context.Warn(warning);
        if (minSteps > 0)
        {
            int stepsColumn = runs.Frame.Columns.IndexOf("steps");
            if (stepsColumn < 0) throw new InputException($"{runs.Source}: --min-steps needs a steps column");
            var steps = runs.Frame.Columns[stepsColumn];
            var keep = Enumerable.Range(0, runs.Count).Where(i => steps[i] is double s && s >= minSteps).ToArray();
            if (keep.Length < runs.Count) context.Warn($"{runs.Count - keep.Length} run(s) with fewer than {minSteps} optimizer steps left out");
            runs = runs.Select(keep);
        }
        var groups = Groups(runs);
        string curvesFile = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(runsFile))!, "curves.csv");
        var curves = sweep && File.Exists(curvesFile)
            ? TrainingCurveLoader.Load(curvesFile, paramsColumn, deriveFlops: true)
            : null;
        if (curves is not null)
        {
            var kept = runs.Frame.Columns.IndexOf("run") is var runColumn and >= 0
                ? Enumerable.Range(0, runs.Count).Select(i => runs.Frame.Columns[runColumn][i]?.ToString()).ToHashSet()
                : null;
            if (kept is not null) curves = curves.Where(c => kept.Contains(c.Run)).ToList();
        }
        return new LoadedRuns(runs, curves, groups, nonEmbedding ? "Non-embedding parameters N" : "Parameters N (total)");
    }

    /// <summary>IsoFLOP groups from a budget column, or null to group by gaps in compute.</summary>
    private static IReadOnlyList<IsoFlopGroup>? Groups(RunTable runs)
    {
        int column = runs.Frame.Columns.IndexOf("budget");
        if (column < 0) return null;
        var budgets = Enumerable.Range(0, runs.Count).Select(i => runs.Frame.Columns[column][i] as double?).ToList();
        return IsoFlopGroup.FromBudgets(budgets, runs.RequireFlops());
    }

    internal static double? EntropyFloor(RunTable runs)
    {
        int col = runs.Frame.Columns.IndexOf("entropy_floor");
        if (col < 0) return null;
        // Each run's validation set has its own exact floor (the set's size follows the batch); they agree closely.
        var values = runs.Frame.Columns[col].Cast<object?>().OfType<double>().ToList();
        if (values.Count == 0 || values.Max() > 1.02 * values.Min()) return null;
        return values.Average();
    }

    internal static JsonObject ToJson(ScalingAnalysisResult r, string convention)
    {
        var law = (ChinchillaLaw)r.Approach3Fit.Law;
        var json = new JsonObject
        {
            ["source"] = Path.GetFileName(r.Runs.Source),
            ["runs"] = r.Runs.Count,
            ["params_convention"] = convention,
            ["approach1"] = Estimate(r.Approach1),
            ["approach2"] = r.Approach2 is null ? null : Estimate(r.Approach2),
            ["approach3"] = Estimate(r.Approach3),
            ["E_fit"] = law.E,
            ["entropy_floor"] = r.EntropyFloor,
            ["E_error"] = r.EntropyFloor is { } f ? law.E / f - 1 : null,
            ["fit"] = FitCommand.ToJson(r.Approach3Fit, r.Approach3Bootstrap, r.Runs.Source),
            ["backtest"] = r.Backtest is not { } b ? null : new JsonObject
            {
                ["flops"] = b.Flops,
                ["predicted_loss"] = b.PredictedLoss,
                ["observed_loss"] = b.ObservedLoss,
                ["loss_error"] = b.LossError,
                ["predicted_params"] = b.PredictedParams,
                ["observed_params"] = b.ObservedParams,
                ["params_ratio"] = b.ParamsRatio,
            },
            ["budgets"] = new JsonArray(r.Parabolas.Select(p => (JsonNode)new JsonObject
            {
                ["flops"] = p.Flops,
                ["optimal_params"] = p.OptimalParams,
                ["minimum_loss"] = p.MinimumLoss,
                ["interior_minimum"] = p.HasInteriorMinimum,
            }).ToArray()),
            ["kaplan"] = new JsonObject
            {
                ["nd"] = r.KaplanJoint is null ? null : LawFile.ToJson(r.KaplanJoint.Law),
                ["c"] = r.KaplanCompute is null ? null : LawFile.ToJson(r.KaplanCompute.Law),
            },
            ["notes"] = new JsonArray(r.Notes.Select(n => (JsonNode)n).ToArray()),
        };
        return json;
    }

    private static JsonObject Estimate(AllocationEstimate e)
    {
        var ci = new JsonObject();
        if (e.CiA is { } a) ci["a"] = JsonOutput.Pair(a.Low, a.High);
        if (e.CiB is { } b) ci["b"] = JsonOutput.Pair(b.Low, b.High);
        return new JsonObject { ["a"] = e.A, ["b"] = e.B, ["ci95"] = ci, ["points"] = e.Points.Count };
    }

    private static void Render(CliContext context, ScalingAnalysisResult r, string convention)
    {
        var table = new Table().PlainTitle($"Compute-optimal scaling of {r.Runs.Count} runs (N = {convention} parameters): N_opt ∝ C^a, D_opt ∝ C^b");
        table.AddColumn("approach");
        foreach (var h in new[] { "a", "95% interval", "b", "95% interval" }) table.AddColumn(new TableColumn(h).RightAligned());
        foreach (var (name, e) in new[] { ("1. envelope of training curves", r.Approach1), ("2. IsoFLOP parabolas", r.Approach2), ("3. parametric fit", r.Approach3) })
        {
            if (e is null) { table.AddPlainRow(name, "—", "", "—", ""); continue; }
            table.AddPlainRow(name, NumberFormat.Fixed(e.A, 3), Interval(e.CiA), NumberFormat.Fixed(e.B, 3), Interval(e.CiB));
        }
        table.AddPlainRow("Chinchilla (Hoffmann et al. 2022)", "0.50", "", "0.50", "");
        table.AddPlainRow("Kaplan et al. 2020", "0.73", "", "0.27", "");
        context.Console.Write(table);
        var law = (ChinchillaLaw)r.Approach3Fit.Law;
        string floor = r.EntropyFloor is { } f ? $" (the source's entropy floor is {f:F4}; E is off by {law.E / f - 1:+0.0%;-0.0%})" : "";
        context.Console.WriteLine($"Approach 3: E = {law.E:F4}, A = {law.A:G4}, B = {law.B:G4}, alpha = {law.Alpha:F3}, beta = {law.Beta:F3}{floor}");
        if (r.Backtest is { } b)
            context.Console.WriteLine($"Backtest at {b.Flops:0.00e+00} FLOPs (fitted on smaller budgets): loss {b.PredictedLoss:F4} predicted vs {b.ObservedLoss:F4} observed ({b.LossError:+0.0%;-0.0%}); N_opt {b.PredictedParams:0.00e+00} vs {b.ObservedParams:0.00e+00} (ratio {b.ParamsRatio:F2})");
        if (r.KaplanJoint is not null)
            context.Console.WriteLine($"Kaplan L(N, D) + E: alpha_N = {r.KaplanJoint.Law.ParameterValues[0]:F3}, alpha_D = {r.KaplanJoint.Law.ParameterValues[1]:F3}");
        if (r.KaplanCompute is not null)
            context.Console.WriteLine($"Kaplan L(C) + E on the envelope: alpha_C = {r.KaplanCompute.Law.ParameterValues[0]:F3}");

        static string Interval((double Low, double High)? ci) => ci is { } c ? $"[{c.Low:F3}, {c.High:F3}]" : "";
    }
}
