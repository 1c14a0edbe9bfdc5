using System.CommandLine;
using System.Globalization;
using ScaleSim.Analysis;
using ScaleSim.Cli.Output;
using ScaleSim.Experiments.Figures;
using ScaleSim.Flops;
using ScaleSim.Json;
using ScaleSim.Laws;
using ScaleSim.Runs;
using ScaleSim.Training.Sweeps;
using Spectre.Console;

namespace ScaleSim.Cli.Commands;

/// <summary>
/// <c>scalesim analyze RUNS_DIR_OR_CSV</c>: Hoffmann et al.'s three approaches, Kaplan's fits and a backtest on any runs
/// table — a sweep directory (runs.csv, with curves.csv for Approach 1) or a user's CSV/TSV/JSON Lines file, with its
/// training curves from any logger (<c>--curves</c>) — and, with <c>--predict-at</c>, each approach's plan at larger budgets.
/// </summary>
internal static class AnalyzeCommand
{
    public static Command Create(CliContext context)
    {
        var runsArgument = new Argument<string>("RUNS") { Description = "A sweep directory (runs.csv and curves.csv) or a runs file; - reads one from standard input." };
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
        var budget = new Option<string?>("--budget") { Description = "Column holding each run's IsoFLOP budget (default: budget, C_budget, flops_budget when present)." };
        var tolerance = new Option<double>("--budget-tolerance")
        {
            Description = "Without a budget column, runs whose compute agrees within this fraction of a common budget form one budget.",
            DefaultValueFactory = _ => BudgetGrouping.DefaultTolerance,
        };
        var predictAt = new Option<string?>("--predict-at") { Description = "Budgets in FLOPs, comma-separated (1e23,3e23) or a range (1e22:1e24:x10): each approach's compute-optimal N and D there, with 95% intervals." };
        var curves = new Option<string?>("--curves") { Description = "Training curves in long format (run, tokens or step, loss; CSV, TSV or JSON Lines) for Approach 1." };
        var output = new Option<string?>("--out") { Description = "Write a law file: the Approach-3 law (readable by plan --law) with every approach's allocation law." };
        var json = CommonOptions.Json();
        var format = CommonOptions.Format("one row per approach with its allocation laws (the rest of the analysis only in the JSON)");
        var figureOptions = new FigureOptions();
        var runOptions = new RunOptions();
        var command = new Command("analyze", "Fit Approaches 1-3 and Kaplan's laws to runs, with intervals, backtest the largest budget, and predict larger ones.")
        {
            runsArgument, convention, bootstrap, seed, floor, minSteps, budget, tolerance, predictAt, curves, output, json, format,
        };
        figureOptions.AddTo(command);
        runOptions.AddTo(command);
        command.SetAction(parse =>
        {
            var outputFormat = CommonOptions.FormatOf(parse, format, json);
            var parameterConvention = ParameterConventions.Parse(parse.GetValue(convention)!);
            var budgets = ParseBudgets(parse.GetValue(predictAt));
            var input = Load(parse.GetValue(runsArgument)!, parameterConvention, parse, runOptions, parse.GetValue(minSteps), parse.GetValue(budget), parse.GetValue(curves), context);
            int resamples = parse.GetValue(bootstrap);
            if (resamples < 0) throw new InputException($"--bootstrap must be non-negative, got {resamples}");
            double? entropy = parse.GetValue(floor) is { } f ? CommonOptions.Positive(f, "--entropy-floor") : input.EntropyFloor;
            var options = new AnalysisOptions
            {
                Resamples = resamples,
                Seed = parse.GetValue(seed),
                EntropyFloor = entropy,
                BudgetTolerance = parse.GetValue(tolerance),
                BudgetColumn = input.BudgetColumn,
                PredictAt = budgets,
            };
            var result = ScalingAnalysis.Run(input, options);
            foreach (var note in result.Notes) context.Warn(note);
            foreach (var warning in result.Warnings) context.Warn(warning);
            if (result.Grouping is { Column: null } g && g.Profiles < Math.Max(1, g.Budgets / 2))
                context.Warn($"only {g.Profiles} of the {g.Budgets} budgets found by compute within {g.Tolerance:0.###%} are IsoFLOP profiles: " +
                    "if your runs scatter more than that around their budgets, raise --budget-tolerance or name a budget column with --budget");
            string paramsLabel = parameterConvention == ParameterConvention.NonEmbedding ? "Non-embedding parameters N" : "Parameters N (total)";
            if (figureOptions.Read(parse) is { } figureTarget)
                foreach (var (file, _) in AnalysisFigures.Write(figureTarget.Directory, result, input.Curves, paramsLabel, figureTarget.Output))
                    context.Error.WriteLine($"wrote {figureTarget.Describe(file)}");
            if (parse.GetValue(output) is { } path)
            {
                JsonOutput.WriteFile(path, AnalysisLawFile.ToJson(result, parameterConvention.Name()));
                context.Error.WriteLine($"wrote {path} (plan --law {path} reads it)");
            }
            switch (outputFormat)
            {
                case OutputFormat.Json: JsonOutput.Write(context.Out, ScalingAnalysisJson.ToJson(result, parameterConvention)); break;
                case OutputFormat.Csv: CsvOutput.WriteRows(context.Out, ScalingAnalysisCsv.Rows(ScalingAnalysisJson.ToJson(result, parameterConvention))); break;
                default: Render(context, result, parameterConvention.Name()); break;
            }
            return 0;
        });
        return command;
    }

    /// <summary>Budgets such as <c>1e23,3e23</c> or a range <c>1e22:1e24:x10</c> (<see cref="ScaleSim.Units.Quantity.ParseList"/>); each must be positive.</summary>
    private static IReadOnlyList<double> ParseBudgets(string? text) =>
        text is null ? [] : ScaleSim.Units.Quantity.ParseList(text, "predict_at");

    /// <summary>
    /// A sweep directory through <see cref="SweepResults"/> (its C always 6ND from the chosen N, its budgets from its
    /// budget column, its curves from curves.csv), or a runs file through the column options and its curves through
    /// <see cref="TrainingCurveLoader"/>; then the rules of <see cref="ScalingAnalysisInput.Prepare"/>.
    /// </summary>
    private static ScalingAnalysisInput Load(string path, ParameterConvention convention, ParseResult parse, RunOptions runOptions, int minSteps,
        string? budgetColumn, string? curvesPath, CliContext context)
    {
        ScalingAnalysisInput input;
        if (SweepResults.IsSweepDirectory(path))
        {
            var given = runOptions.Given(parse).ToList();
            if (budgetColumn is not null) given.Add("--budget");
            if (curvesPath is not null) given.Add("--curves");
            if (given.Count > 0) throw new InputException($"{string.Join(", ", given)} map the columns of a runs file; a sweep directory's columns are fixed (give its runs.csv to map them)");
            input = SweepResults.Load(path).ForScalingAnalysis(convention, minSteps);
        }
        else
        {
            bool nonEmbedding = convention == ParameterConvention.NonEmbedding;
            var raw = TableInput.Read(context, path);
            string? paramsColumn = parse.GetValue(runOptions.Params) ?? (nonEmbedding || raw.IndexOf(SweepColumns.Params) >= 0 ? SweepColumns.ParamsOf(convention) : null);
            var columns = new RunColumns(paramsColumn, parse.GetValue(runOptions.Tokens), parse.GetValue(runOptions.Flops), parse.GetValue(runOptions.Loss),
                DeriveFlops: nonEmbedding);
            var runs = RunTableLoader.FromRaw(raw, columns, FlopModels.Parse(parse.GetValue(runOptions.FlopModel)!));
            var annotations = RunAnnotations.FromColumns(runs, budgetColumn);
            var curves = curvesPath is null ? null : TrainingCurveLoader.Load(curvesPath, runs, annotations, deriveFlops: nonEmbedding, paramsColumn: nonEmbedding ? paramsColumn : null);
            input = ScalingAnalysisInput.Prepare(runs, annotations, curves, minSteps);
        }
        foreach (var warning in input.Runs.Warnings.Concat(input.Notes)) context.Warn(warning);
        return input;
    }

    private static void Render(CliContext context, ScalingAnalysisResult r, string convention)
    {
        var table = new Table().PlainTitle($"Compute-optimal scaling of {r.Runs.Count} runs (N = {convention} parameters): N_opt ∝ C^a, D_opt ∝ C^b");
        table.AddColumn("approach");
        foreach (var h in new[] { "a", "95% interval", "b", "95% interval" }) table.AddColumn(new TableColumn(h).RightAligned());
        foreach (var (name, e) in Approaches(r))
        {
            if (e is null) { table.AddPlainRow(name, "—", "", "—", ""); continue; }
            table.AddPlainRow(name, NumberFormat.Fixed(e.A, 3), Interval(e.CiA), NumberFormat.Fixed(e.B, 3), Interval(e.CiB));
        }
        table.AddPlainRow("Chinchilla (Hoffmann et al. 2022)", "0.50", "", "0.50", "");
        table.AddPlainRow("Kaplan et al. 2020", "0.73", "", "0.27", "");
        context.Console.Write(table);
        var law = (ChinchillaLaw)r.Approach3Fit.Law;
        string floor = r.EntropyFloor is { } f ? $" (the source's entropy floor is {f:F4}; E is off by {law.E / f - 1:+0.0%;-0.0%;0.0%})" : "";
        context.Console.WriteLine($"Approach 3: E = {law.E:F4}, A = {law.A:G4}, B = {law.B:G4}, alpha = {law.Alpha:F3}, beta = {law.Beta:F3}{floor}");
        if (r.Backtest is { } b)
            context.Console.WriteLine($"Backtest at {b.Flops:0.00e+00} FLOPs (fitted on smaller budgets): loss {b.PredictedLoss:F4} predicted vs {b.ObservedLoss:F4} observed ({b.LossError:+0.0%;-0.0%;0.0%}); N_opt {b.PredictedParams:0.00e+00} vs {b.ObservedParams:0.00e+00} (ratio {b.ParamsRatio:F2})");
        if (r.KaplanJoint is not null)
            context.Console.WriteLine($"Kaplan L(N, D) + E: alpha_N = {r.KaplanJoint.Law.ParameterValues[0]:F3}, alpha_D = {r.KaplanJoint.Law.ParameterValues[1]:F3}");
        if (r.KaplanCompute is not null)
            context.Console.WriteLine($"Kaplan L(C) + E on the envelope: alpha_C = {r.KaplanCompute.Law.ParameterValues[0]:F3}");

        context.Console.WriteLine();
        RenderAllocationLaws(context, r);
        context.Console.WriteLine();
        RenderBudgets(context, r);
        if (r.Approach1.Predictions.Count > 0)
        {
            context.Console.WriteLine();
            RenderPredictions(context, r);
        }

        static string Interval((double Low, double High)? ci) => ci is { } c ? $"[{c.Low:F3}, {c.High:F3}]" : "";
    }

    private static IEnumerable<(string Name, AllocationEstimate? Estimate)> Approaches(ScalingAnalysisResult r) =>
        [("1. envelope of training curves", r.Approach1), ("2. IsoFLOP parabolas", r.Approach2), ("3. parametric fit", r.Approach3)];

    /// <summary>Each approach's intercepts, and how well its law fits what it was fitted to.</summary>
    private static void RenderAllocationLaws(CliContext context, ScalingAnalysisResult r)
    {
        var table = new Table().PlainTitle("Allocation laws N_opt = G_N·C^a, D_opt = G_D·C^b (C in FLOPs), and their fit");
        table.AddColumn("approach");
        foreach (var h in new[] { "G_N", "95% interval", "G_D", "95% interval", "residual RMS" }) table.AddColumn(new TableColumn(h).RightAligned());
        foreach (var (name, e) in ShortApproaches(r))
        {
            if (e is null) { table.AddPlainRow(name, "—", "", "—", "", ""); continue; }
            string residuals = e.ParamsResidualRmse is { } rmse
                ? $"{rmse:F3} in ln N_opt, {e.Points.Count} points"
                : $"{r.Approach3Fit.Quality.Rmse:F4} in ln L, {r.Approach3Fit.Points} runs";
            table.AddPlainRow(name, NumberFormat.Scale(e.ParamsLaw.Coefficient), ScaleInterval(e.CiParamsCoefficient),
                NumberFormat.Scale(e.TokensLaw.Coefficient), ScaleInterval(e.CiTokensCoefficient), residuals);
        }
        context.Console.Write(table);
    }

    /// <summary>The budgets found, each parabola's fit, and the Approach-2 bias on this grid.</summary>
    private static void RenderBudgets(CliContext context, ScalingAnalysisResult r)
    {
        if (r.Grouping is { } g)
        {
            string unassigned = g.UnassignedRows.Count == 0 ? "every run fits a budget"
                : $"{g.UnassignedRows.Count} run(s) fit no budget (lines {string.Join(", ", g.UnassignedRows.Take(12).Select(i => r.Runs.Lines[i]))}{(g.UnassignedRows.Count > 12 ? ", …" : "")})";
            context.Console.WriteLine($"Budgets: {g.Budgets} found by {g.Rule}, {g.Profiles} of them IsoFLOP profiles; {unassigned}");
        }
        if (r.Parabolas.Count == 0) return;
        var table = new Table().PlainTitle("IsoFLOP parabolas (Approach 2): loss against log N per budget");
        table.AddColumn(new TableColumn("budget C").RightAligned());
        foreach (var h in new[] { "runs", "sizes span", "vertex N", "interior min.", "RMSE (rel.)", "parabola bias" }) table.AddColumn(new TableColumn(h).RightAligned());
        for (int i = 0; i < r.Parabolas.Count; i++)
        {
            var p = r.Parabolas[i];
            string inside = p.HasInteriorMinimum ? "yes" : !p.OpensUpward ? "no (opens down)" : "no (outside)";
            double bias = r.Approach2Bias?.VertexBias[i] ?? double.NaN;
            table.AddPlainRow(NumberFormat.Scale(p.Flops), p.Points.ToString(CultureInfo.InvariantCulture), NumberFormat.Ratio(p.Width),
                NumberFormat.Scale(p.OptimalParams), inside, NumberFormat.Fixed(p.ResidualRmse), double.IsFinite(bias) ? bias.ToString("+0.0%;-0.0%;0.0%", CultureInfo.InvariantCulture) : "—");
        }
        context.Console.Write(table);
        if (r.Approach2Bias is { } b && double.IsFinite(b.ExponentBias))
            context.Console.WriteLine($"parabola bias: the vertex of the Approach-3 law's own noise-free profile on each budget's sizes, against the law's optimum; through those vertices a is off by {b.ExponentBias:+0.000;-0.000;0.000}");
        if (r.Scatter is { } s) context.Console.WriteLine($"scatter of the runs about their parabolas: {s:F4} in log loss");
    }

    /// <summary>Every approach's plan at the budgets asked, with its intervals.</summary>
    private static void RenderPredictions(CliContext context, ScalingAnalysisResult r)
    {
        var table = new Table().PlainTitle("Compute-optimal allocation at the budgets asked (95% bootstrap intervals)");
        table.AddColumn("approach");
        foreach (var h in new[] { "FLOPs", "params N", "95% interval", "tokens D", "95% interval", "loss", "95% interval" }) table.AddColumn(new TableColumn(h).RightAligned());
        foreach (var (name, e) in ShortApproaches(r))
        {
            if (e is null) continue;
            foreach (var p in e.Predictions)
                table.AddPlainRow(name, NumberFormat.Scale(p.Flops), NumberFormat.Scale(p.Params), ScaleInterval(p.ParamsInterval),
                    NumberFormat.Scale(p.Tokens), ScaleInterval(p.TokensInterval),
                    p.Loss is { } l ? NumberFormat.Fixed(l) : "", p.LossInterval is { } li ? $"[{NumberFormat.Fixed(li.Low)}, {NumberFormat.Fixed(li.High)}]" : "");
        }
        context.Console.Write(table);
    }

    private static IEnumerable<(string Name, AllocationEstimate? Estimate)> ShortApproaches(ScalingAnalysisResult r) =>
        [("1. envelope", r.Approach1), ("2. parabolas", r.Approach2), ("3. parametric", r.Approach3)];

    private static string ScaleInterval((double Low, double High)? ci) =>
        ci is { } c ? $"[{Short(c.Low)}, {Short(c.High)}]" : "";

    private static string Short(double value) => value.ToString("0.0e+00", CultureInfo.InvariantCulture);
}
