using System.Globalization;
using System.CommandLine;
using ScaleSim.Cli.Output;
using ScaleSim.Cli.Progress;
using ScaleSim.Experiments;
using ScaleSim.Experiments.Json;
using ScaleSim.Flops;
using ScaleSim.Training.Backends;
using Spectre.Console;

namespace ScaleSim.Cli.Commands;

/// <summary>
/// <c>scalesim simulate</c>: an experiment end to end through <see cref="Simulation.Run"/> — plan, train, analyse, plot,
/// report into experiments/NAME/ — shown while it runs and summarised when it ends.
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
        var output = new Option<string?>("--out") { Description = "Directory for report.md, result.json, figures/ and the tables (default experiments/NAME)." };
        var parallel = CommonOptions.Parallel();
        var bootstrap = new Option<int>("--bootstrap") { Description = "Bootstrap resamples for every interval.", DefaultValueFactory = _ => 200 };
        var noTrain = new Option<bool>("--no-train")
        {
            Description = "Train nothing: analyse the runs completed so far (for a sweep a cluster is still training; see sweep status).",
        };
        var device = TrainingOptions.Device();
        var json = CommonOptions.Json();
        var format = CommonOptions.Format("one row per approach as analyze prints it (per task curve for a task sweep, per run for a training grid, per step for a Kaplan-to-Chinchilla ladder)");
        var figureOptions = new FigureOptions(withDirectory: false);
        var command = new Command("simulate", "Train tiny models at several sizes, fit all three Chinchilla approaches on them (or, for a task experiment, fit and classify its task curves), and write a report.")
        {
            experimentOption, quick, runs, output, parallel, bootstrap, noTrain, device, json, format,
        };
        figureOptions.AddTo(command);
        command.SetAction(parse =>
        {
            var outputFormat = CommonOptions.FormatOf(parse, format, json);
            if (parse.GetValue(quick) && parse.GetValue(experimentOption) is not null)
                throw new InputException("give --quick or --experiment, not both");
            string name = parse.GetValue(quick) ? ExperimentCatalog.Quick : parse.GetValue(experimentOption) ?? ExperimentCatalog.Default;
            var experiment = ExperimentCatalog.Resolve(name);
            var deviceKind = TrainingDevices.Parse(parse.GetValue(device)!);
            var options = new SimulationOptions
            {
                RunsDirectory = parse.GetValue(runs) ?? Path.Combine("runs", experiment.Name),
                ReportDirectory = parse.GetValue(output) ?? Path.Combine("experiments", experiment.Name),
                ParallelRuns = parse.GetValue(parallel) ?? Environment.ProcessorCount,
                Resamples = parse.GetValue(bootstrap),
                Train = !parse.GetValue(noTrain),
                Device = deviceKind,
                Figures = figureOptions.Output(parse),
                Command = "scalesim simulate" +
                    (name == ExperimentCatalog.Default ? "" : parse.GetValue(quick) ? " --quick" : $" --experiment {name}") +
                    (deviceKind == TrainingDevice.Auto ? "" : $" --device {deviceKind.ToName()}"),
            };
            var result = SweepProgressView.Show(context, (view, cancel) => Simulation.Run(experiment, options, view, cancel));
            foreach (var note in result.Notes) context.Warn(note);
            if (result is InterruptedSimulation) return SweepOutcomeReport.Write(context, result.Sweep.Outcomes, options.RunsDirectory);

            if (outputFormat == OutputFormat.Json) JsonOutput.Write(context.Out, SimulationResultJson.ToJson(result));
            else if (outputFormat == OutputFormat.Csv) CsvOutput.WriteRows(context.Out, CsvRows(result, SimulationResultJson.ToJson(result)));
            else
            {
                Render(context, result);
                context.Console.WriteLine($"report: {Path.Combine(options.ReportDirectory, "report.md")} (this invocation trained {result.Sweep.TrainedNow} runs in {result.Sweep.Seconds / 60:F1} min)");
            }
            return SweepOutcomeReport.Write(context, result.Sweep.Outcomes, options.RunsDirectory) == SweepOutcomeReport.Diverged ? SweepOutcomeReport.Diverged : 0;
        });
        return command;
    }

    /// <summary>The rows of the result's JSON (result.json) that make its table: approaches, task curves, grid runs or ladder steps.</summary>
    private static IEnumerable<System.Text.Json.Nodes.JsonObject> CsvRows(SimulationResult result, System.Text.Json.Nodes.JsonObject json) => result switch
    {
        IsoFlopSimulationResult => ScalingAnalysisCsv.Rows(json),
        TaskSweepSimulationResult => json["curves"]!.AsArray().Select(c => c!.AsObject()),
        // Every step, then step 5's runs counted without embeddings (the first convention is step 5 itself).
        ScaleSim.Experiments.Ladder.ProtocolLadderSimulationResult => json["steps"]!.AsArray().Concat(json["conventions"]!.AsArray().Skip(1)).Select(s => s!.AsObject()),
        _ => json["runs"]!.AsArray().Select(r => r!.AsObject()),
    };

    private static void Render(CliContext context, SimulationResult result)
    {
        switch (result)
        {
            case IsoFlopSimulationResult r:
                var table = new Table().PlainTitle($"{r.Experiment.Name}: targets ({r.Primary.Convention.Name()} parameters)");
                table.AddColumn("target");
                table.AddColumn("measured");
                table.AddColumn("met");
                foreach (var t in r.Targets) table.AddPlainRow(t.Target, t.Measured, t.Met ? "yes" : "NO");
                context.Console.Write(table);
                foreach (var c in r.Analyses)
                    context.Console.WriteLine($"{c.Convention.Name()} N: a = {c.Result.Approach1.A:F3} (1), {(c.Result.Approach2 is { } a2 ? a2.A.ToString("F3") : "—")} (2), {c.Result.Approach3.A:F3} (3)");
                break;
            case TaskSweepSimulationResult r:
                TaskCurveTable.Render(context, r.Table, r.Curves);
                break;
            case ScaleSim.Experiments.Ladder.ProtocolLadderSimulationResult r:
                var steps = new Table().PlainTitle($"{r.Experiment.Name}: exponent a of N_opt on C per step");
                foreach (var column in new[] { "step", "a", "95% interval", "N × per 10× C", "D × per 10× C", "Porian et al." }) steps.AddColumn(column);
                foreach (var s in r.Steps.Append(r.Conventions[1]))
                    steps.AddPlainRow($"{s.Number}. {s.Name}", s.Estimate is { } e ? e.A.ToString("F3", CultureInfo.InvariantCulture) : "failed",
                        s.Estimate?.CiA is { } ci ? string.Create(CultureInfo.InvariantCulture, $"[{ci.Low:F3}, {ci.High:F3}]") : "—",
                        s.ParamsPer10x is { } n ? n.ToString("F2", CultureInfo.InvariantCulture) : "—", s.TokensPer10x is { } d ? d.ToString("F2", CultureInfo.InvariantCulture) : "—",
                        s.PublishedA is { } p ? p.ToString("F3", CultureInfo.InvariantCulture) : "");
                context.Console.Write(steps);
                break;
            case ScaleSim.Experiments.Grids.TrainingGridSimulationResult r:
                foreach (var line in ScaleSim.Experiments.Reports.TrainingGridReport.Transfer(r.Optima)) context.Console.WriteLine(line);
                if (r.Comparison is { } comparison)
                    context.Console.WriteLine($"warmup-stable-decay branch vs cosine, same tokens: {comparison.Mean:+0.00%;-0.00%;0.00%} [{comparison.Interval.Low:+0.00%;-0.00%;0.00%}, {comparison.Interval.High:+0.00%;-0.00%;0.00%}] over {comparison.Pairs.Count} pairs");
                if (r.LongRunComparison is { } longRuns)
                    context.Console.WriteLine($"  on runs of at least {r.Experiment.Batch.MinSteps} steps: {longRuns.Mean:+0.00%;-0.00%;0.00%} [{longRuns.Interval.Low:+0.00%;-0.00%;0.00%}, {longRuns.Interval.High:+0.00%;-0.00%;0.00%}] over {longRuns.Pairs.Count} pairs");
                break;
        }
    }
}
