using System.CommandLine;
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
/// table — a sweep directory (runs.csv, with curves.csv for Approach 1) or a user's CSV/TSV/JSON Lines file.
/// </summary>
internal static class AnalyzeCommand
{
    public static Command Create(CliContext context)
    {
        var runsArgument = new Argument<string>("RUNS") { Description = "A sweep directory (runs.csv and curves.csv) or a runs file." };
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
            runsArgument, convention, bootstrap, seed, floor, minSteps, json, plot,
        };
        runOptions.AddTo(command);
        command.SetAction(parse =>
        {
            var parameterConvention = ParameterConventions.Parse(parse.GetValue(convention)!);
            var input = Load(parse.GetValue(runsArgument)!, parameterConvention, parse, runOptions, parse.GetValue(minSteps), context);
            int resamples = parse.GetValue(bootstrap);
            if (resamples < 0) throw new InputException($"--bootstrap must be non-negative, got {resamples}");
            double? entropy = parse.GetValue(floor) is { } f ? CommonOptions.Positive(f, "--entropy-floor") : input.EntropyFloor;
            var result = ScalingAnalysis.Run(input.Runs, input.Curves, new AnalysisOptions { Resamples = resamples, Seed = parse.GetValue(seed), EntropyFloor = entropy }, input.Groups);
            foreach (var note in result.Notes) context.Warn(note);
            string paramsLabel = parameterConvention == ParameterConvention.NonEmbedding ? "Non-embedding parameters N" : "Parameters N (total)";
            if (parse.GetValue(plot) is { } dir)
                foreach (var (file, _) in AnalysisFigures.Write(dir, result, input.Curves, paramsLabel))
                    context.Error.WriteLine($"wrote {Path.Combine(dir, file)}.png (and .svg)");
            if (parse.GetValue(json)) JsonOutput.Write(context.Out, ScalingAnalysisJson.ToJson(result, parameterConvention));
            else Render(context, result, parameterConvention.Name());
            return 0;
        });
        return command;
    }

    /// <summary>
    /// A sweep directory through <see cref="SweepResults"/> (its C always 6ND from the chosen N, its budgets from its
    /// budget column, its curves from curves.csv), or a runs file through the column options; then the rules of
    /// <see cref="ScalingAnalysisInput.Prepare"/>.
    /// </summary>
    private static ScalingAnalysisInput Load(string path, ParameterConvention convention, ParseResult parse, RunOptions runOptions, int minSteps, CliContext context)
    {
        ScalingAnalysisInput input;
        if (SweepResults.IsSweepDirectory(path))
        {
            var given = runOptions.Given(parse);
            if (given.Count > 0) throw new InputException($"{string.Join(", ", given)} map the columns of a runs file; a sweep directory's columns are fixed (give its runs.csv to map them)");
            input = SweepResults.Load(path).ForScalingAnalysis(convention, minSteps);
        }
        else
        {
            bool nonEmbedding = convention == ParameterConvention.NonEmbedding;
            var raw = RawTable.Read(path);
            var columns = new RunColumns(
                parse.GetValue(runOptions.Params) ?? (nonEmbedding || raw.IndexOf(SweepColumns.Params) >= 0 ? SweepColumns.ParamsOf(convention) : null),
                parse.GetValue(runOptions.Tokens), parse.GetValue(runOptions.Flops), parse.GetValue(runOptions.Loss),
                DeriveFlops: nonEmbedding);
            var runs = RunTableLoader.FromRaw(raw, columns, FlopModels.Parse(parse.GetValue(runOptions.FlopModel)!));
            input = ScalingAnalysisInput.Prepare(runs, RunAnnotations.FromColumns(runs), curves: null, minSteps);
        }
        foreach (var warning in input.Runs.Warnings.Concat(input.Notes)) context.Warn(warning);
        return input;
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
