using System.CommandLine;
using System.Diagnostics;
using ScaleSim.Analysis;
using ScaleSim.Cli.Figures;
using ScaleSim.Cli.Output;
using ScaleSim.Cli.Progress;
using ScaleSim.Cli.Reports;
using ScaleSim.Training.Sweeps;
using Spectre.Console;

namespace ScaleSim.Cli.Commands;

/// <summary>
/// <c>scalesim simulate</c>: a built-in experiment end to end — plan, train, analyse under both parameter conventions,
/// plot, report — into experiments/NAME/report.md. A size sweep on task data goes to <see cref="SimulateTasks"/>
/// (task curves, classes and the metric artifact) instead.
/// </summary>
internal static class SimulateCommand
{
    public static Command Create(CliContext context)
    {
        var experimentOption = new Option<string?>("--experiment")
        {
            Description = $"Experiment name or file (built in: {string.Join(", ", ExperimentCatalog.BuiltIn)}; default {ExperimentCatalog.Default}).",
        };
        var quick = new Option<bool>("--quick") { Description = $"Run {ExperimentCatalog.Quick}, a one-minute version, instead." };
        var runs = new Option<string?>("--runs") { Description = "Sweep directory for the run directories (default runs/NAME)." };
        var output = new Option<string?>("--out") { Description = "Directory for report.md, figures/, runs.csv and curves.csv (default experiments/NAME)." };
        var parallel = SweepCommand.ParallelOption();
        var bootstrap = new Option<int>("--bootstrap") { Description = "Bootstrap resamples for every interval.", DefaultValueFactory = _ => 200 };
        var json = CommonOptions.Json();
        var command = new Command("simulate", "Train tiny models at several sizes, fit all three Chinchilla approaches on them (or, for a task experiment, fit and classify its task curves), and write a report.")
        {
            experimentOption, quick, runs, output, parallel, bootstrap, json,
        };
        command.SetAction(parse =>
        {
            if (parse.GetValue(quick) && parse.GetValue(experimentOption) is not null)
                throw new InputException("give --quick or --experiment, not both");
            string name = parse.GetValue(quick) ? ExperimentCatalog.Quick : parse.GetValue(experimentOption) ?? ExperimentCatalog.Default;
            int resamples = parse.GetValue(bootstrap);
            if (resamples < 2) throw new InputException($"--bootstrap must be at least 2, got {resamples}");
            var experiment = ExperimentCatalog.Resolve(name);
            int runsAtOnce = SweepCommand.Parallel(parse.GetValue(parallel));
            string runsDirectory = parse.GetValue(runs) ?? Path.Combine("runs", experiment.Name);
            string reportDirectory = parse.GetValue(output) ?? Path.Combine("experiments", experiment.Name);
            string commandLine = "dotnet run --project src/ScaleSim.Cli -c Release -- simulate" + (name == ExperimentCatalog.Default ? "" : parse.GetValue(quick) ? " --quick" : $" --experiment {name}");
            if (experiment.IsSizeSweep)
                return SimulateTasks.Run(context, experiment, new SimulateTasks.Settings(runsDirectory, reportDirectory, runsAtOnce, resamples, parse.GetValue(json), commandLine));

            var plan = SweepPlanner.Plan(experiment);
            context.Error.WriteLine($"{experiment.Name}: {plan.Runs.Count} runs at {experiment.Budgets.Length} budgets, {runsAtOnce} at once, into {runsDirectory}");
            foreach (var warning in plan.Warnings) context.Warn(warning);
            var watch = Stopwatch.StartNew();
            var outcomes = SweepProgressView.Run(context, plan, runsDirectory, runsAtOnce);
            double sweepSeconds = watch.Elapsed.TotalSeconds;
            if (outcomes.Any(o => o.Outcome is RunOutcome.Interrupted or RunOutcome.Busy))
                return SweepCommand.Report(context, outcomes, runsDirectory);

            var conventions = new List<SimulationReport.Convention>();
            var loaded = new Dictionary<string, AnalyzeCommand.LoadedRuns>();
            // The experiment's own convention first: it placed the sizes and budgets.
            var order = experiment.FlopModel == "6nd" ? new[] { "total", "non-embedding" } : ["non-embedding", "total"];
            foreach (var convention in order)
            {
                var data = AnalyzeCommand.Load(runsDirectory, convention, null, null, context, experiment.Batch.MinSteps);
                loaded[convention] = data;
                double? floor = AnalyzeCommand.EntropyFloor(data.Runs);
                var result = ScalingAnalysis.Run(data.Runs, data.Curves, new AnalysisOptions { Resamples = resamples, EntropyFloor = floor }, data.Groups);
                conventions.Add(new SimulationReport.Convention(convention, result));
            }
            var primary = conventions[0];
            string figureDirectory = Path.Combine(reportDirectory, "figures");
            var figures = AnalysisFigures.Write(figureDirectory, primary.Result, loaded[primary.Name].Curves, loaded[primary.Name].ParamsLabel).ToList();
            ConventionFigure.Create(conventions.Select(c => (c.Name, c.Result)).ToList()).Save(figureDirectory, "conventions");
            figures.Add(("conventions", "Compute-optimal N from the same runs counted as non-embedding and as total parameters"));

            Directory.CreateDirectory(reportDirectory);
            File.Copy(Path.Combine(runsDirectory, "runs.csv"), Path.Combine(reportDirectory, "runs.csv"), overwrite: true);
            File.Copy(Path.Combine(runsDirectory, "curves.csv"), Path.Combine(reportDirectory, "curves.csv"), overwrite: true);
            int trainedNow = outcomes.Count(o => o.Outcome is RunOutcome.Trained or RunOutcome.Resumed or RunOutcome.Retrained);
            double coreSeconds = plan.Runs.Sum(r => SweepRunner.CompletedSummary(Path.Combine(runsDirectory, r.Id))?.ElapsedSeconds ?? 0);
            string report = SimulationReport.Render(plan, conventions, figures, "figures", sweepSeconds, trainedNow, coreSeconds, runsAtOnce, commandLine);
            File.WriteAllText(Path.Combine(reportDirectory, "report.md"), report);

            if (parse.GetValue(json))
            {
                var result = AnalyzeCommand.ToJson(primary.Result, primary.Name);
                result["experiment"] = experiment.Name;
                result["sweep_seconds"] = sweepSeconds;
                result["other_convention"] = AnalyzeCommand.ToJson(conventions[1].Result, conventions[1].Name);
                result["targets"] = new System.Text.Json.Nodes.JsonArray(SimulationReport.Targets(primary.Result)
                    .Select(t => (System.Text.Json.Nodes.JsonNode)new System.Text.Json.Nodes.JsonObject { ["target"] = t.Target, ["measured"] = t.Measured, ["met"] = t.Met }).ToArray());
                JsonOutput.Write(context.Out, result);
            }
            else
            {
                var table = new Table().PlainTitle($"{experiment.Name}: targets ({primary.Name} parameters)");
                table.AddColumn("target");
                table.AddColumn("measured");
                table.AddColumn("met");
                foreach (var (target, measured, met) in SimulationReport.Targets(primary.Result)) table.AddPlainRow(target, measured, met ? "yes" : "NO");
                context.Console.Write(table);
                foreach (var c in conventions)
                    context.Console.WriteLine($"{c.Name} N: a = {c.Result.Approach1.A:F3} (1), {(c.Result.Approach2 is { } a2 ? a2.A.ToString("F3") : "—")} (2), {c.Result.Approach3.A:F3} (3)");
                context.Console.WriteLine($"report: {Path.Combine(reportDirectory, "report.md")} (this invocation trained {trainedNow} runs in {sweepSeconds / 60:F1} min)");
            }
            return SweepCommand.Report(context, outcomes, runsDirectory) == 3 ? 3 : 0;
        });
        return command;
    }
}
