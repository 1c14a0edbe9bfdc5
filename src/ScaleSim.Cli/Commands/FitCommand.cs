using System.CommandLine;
using System.Text.Json.Nodes;
using ScaleSim.Cli.Figures;
using ScaleSim.Cli.Output;
using ScaleSim.Fitting;
using ScaleSim.Json;
using ScaleSim.Laws;
using Spectre.Console;

namespace ScaleSim.Cli.Commands;

/// <summary><c>scalesim fit FILE --law …</c>: fits a law to runs, with bootstrap intervals.</summary>
internal static class FitCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("FILE") { Description = "Runs as CSV, TSV or JSON Lines; - reads standard input." };
        var law = new Option<string>("--law")
        {
            Description = $"Law to fit: {string.Join(", ", LawFits.Names)}.",
            DefaultValueFactory = _ => "chinchilla",
        };
        var irreducible = new Option<bool>("--irreducible") { Description = "Add an irreducible term E to a Kaplan law." };
        var bootstrap = new Option<int>("--bootstrap")
        {
            Description = "Bootstrap resamples for 95% intervals (0 to skip).",
            DefaultValueFactory = _ => 1000,
        };
        var seed = new Option<int>("--seed") { Description = "Seed for the bootstrap resamples.", DefaultValueFactory = _ => 0 };
        var excludeTop = new Option<int>("--exclude-top-loss") { Description = "Drop the K highest-loss runs first (Epoch AI drop 5)." };
        var delta = new Option<double>("--huber-delta") { Description = "Huber threshold on log-loss residuals.", DefaultValueFactory = _ => 1e-3 };
        var output = new Option<string?>("--out") { Description = "Write the fitted law as JSON to this file (readable by plan --law), with its bootstrap resamples and the range of the runs fitted." };
        var criticalBatch = new Option<double>("--critical-batch")
        {
            Description = "kaplan-ns: B*, in tokens, of the critical batch B_crit(L) = B*/L^(1/alpha_B) (Kaplan et al. 2020, Table 5).",
            DefaultValueFactory = _ => KaplanStepsLaw.KaplanCriticalBatch,
        };
        var alphaB = new Option<double>("--alpha-b") { Description = "kaplan-ns: alpha_B of the critical batch.", DefaultValueFactory = _ => KaplanStepsLaw.KaplanAlphaB };
        var json = CommonOptions.Json();
        var format = CommonOptions.Format();
        var figureOptions = new FigureOptions();
        var runOptions = new RunOptions();

        var command = new Command("fit", "Fit a Chinchilla or Kaplan law to logged runs (Huber on log loss, multi-start L-BFGS, bootstrap).")
        {
            file, law, irreducible, bootstrap, seed, excludeTop, delta, output, criticalBatch, alphaB, json, format,
        };
        figureOptions.AddTo(command);
        runOptions.AddTo(command);
        command.SetAction(parse =>
        {
            var outputFormat = CommonOptions.FormatOf(parse, format, json);
            var model = LawFits.Model(parse.GetValue(law)!, parse.GetValue(irreducible));
            if (model is KaplanStepsModel) model = new KaplanStepsModel(parse.GetValue(irreducible), parse.GetValue(criticalBatch), parse.GetValue(alphaB));
            var runs = runOptions.Load(parse, parse.GetValue(file)!, context).ExcludeTopLoss(parse.GetValue(excludeTop));
            var rows = LawFits.Rows(runs, model);
            var data = LawFits.Data(rows, model);
            double huberDelta = CommonOptions.Positive(parse.GetValue(delta), "--huber-delta");
            var options = new FitOptions { HuberDelta = huberDelta };
            var fit = MultiStartFitter.Fit(model, data, options, runs.Source);
            int resamples = parse.GetValue(bootstrap);
            if (resamples < 0) throw new InputException($"--bootstrap must be non-negative, got {resamples}");
            var intervals = resamples > 0 ? BootstrapFit.Run(fit, data, resamples, parse.GetValue(seed), options, LawFits.Clusters(rows, model)) : null;

            var warnings = MisfitCheck.Warnings(fit, $"law {fit.Law.Kind}");
            foreach (var warning in warnings) context.Warn(warning);
            var result = FitResultJson.ToJson(fit, intervals, runs.Source);
            if (warnings.Count > 0) result["warnings"] = new JsonArray(warnings.Select(w => (JsonNode)w).ToArray());
            if (parse.GetValue(output) is { } path)
            {
                var lawFile = FitResultJson.ToLawFile(fit, intervals, runs.Source, FittedRange.Of(runs.Params, runs.Tokens));
                if (warnings.Count > 0) lawFile["warnings"] = result["warnings"]!.DeepClone();
                JsonOutput.WriteFile(path, lawFile);
            }
            if (figureOptions.Read(parse) is { } figureTarget)
                foreach (var written in FitFigures.Write(figureTarget, fit, rows, intervals)) context.Error.WriteLine($"wrote {written}");
            switch (outputFormat)
            {
                case OutputFormat.Json: JsonOutput.Write(context.Out, result); break;
                case OutputFormat.Csv: WriteCsv(context, fit, intervals); break;
                default: RenderTable(context, fit, intervals, runs.Source); break;
            }
            return 0;
        });
        return command;
    }

    /// <summary>One row per parameter and derived quantity: the estimate and, when bootstrapped, its interval and standard error.</summary>
    private static void WriteCsv(CliContext context, FitResult fit, BootstrapResult? intervals)
    {
        var names = fit.Law.ParameterNames.Zip(fit.Law.ParameterValues).Concat(fit.Law.DerivedQuantities().Select(q => (q.Key, q.Value)));
        CsvOutput.Write(context.Out, ["parameter", "estimate", "ci95_low", "ci95_high", "standard_error"],
            names.Select(p => intervals is null
                ? new object?[] { p.Item1, p.Item2, null, null, null }
                : new object?[] { p.Item1, p.Item2, intervals[p.Item1].Low, intervals[p.Item1].High, intervals[p.Item1].StandardError }));
    }

    private static void RenderTable(CliContext context, FitResult fit, BootstrapResult? intervals, string source)
    {
        var table = new Table().PlainTitle($"{fit.Law.Kind} fit to {Path.GetFileName(source)} ({fit.Points} runs)");
        table.AddColumn("parameter");
        table.AddColumn(new TableColumn("estimate").RightAligned());
        if (intervals is not null)
        {
            table.AddColumn(new TableColumn($"95% interval ({intervals.Resamples} resamples)").RightAligned());
            table.AddColumn(new TableColumn("std. error").RightAligned());
        }
        var names = fit.Law.ParameterNames.Zip(fit.Law.ParameterValues).Concat(fit.Law.DerivedQuantities().Select(q => (q.Key, q.Value)));
        foreach (var (name, value) in names)
        {
            if (intervals is null) { table.AddPlainRow(name, NumberFormat.General(value)); continue; }
            var interval = intervals[name];
            table.AddPlainRow(name, NumberFormat.General(value),
                $"[{NumberFormat.General(interval.Low)}, {NumberFormat.General(interval.High)}]", NumberFormat.General(interval.StandardError, 3));
        }
        context.Console.Write(table);
        context.Console.WriteLine($"objective (summed Huber, delta {fit.HuberDelta:G3}): {fit.Objective:E6}   converged: {(fit.Converged ? "yes" : "no")} ({fit.StartsConverged}/{fit.Starts} starts converged)");
        context.Console.WriteLine($"residuals in log loss: RMSE {fit.Quality.Rmse:F4}, mean {fit.Quality.MeanResidual:+0.0000;-0.0000;0.0000}, max |r| {fit.Quality.MaxAbsResidual:F4}");
        if (fit.Law is ChinchillaLaw c)
            context.Console.WriteLine($"compute-optimal scaling: N_opt ∝ C^{c.ParamsExponent:F3}, D_opt ∝ C^{c.TokensExponent:F3}");
        if (fit.Law is KaplanStepsLaw k)
            context.Console.WriteLine($"S_min = S/(1 + B_crit(L)/B), B_crit(L) = {k.CriticalBatch:G3}/L^(1/{k.AlphaB:G3}) tokens (fixed, Kaplan et al. 2020 Table 5 by default); intervals resample whole runs");
    }
}
