using System.CommandLine;
using System.Globalization;
using ScaleSim.Cli.Output;
using ScaleSim.Cli.Progress;
using ScaleSim.Experiments;
using ScaleSim.Training.Backends;
using ScaleSim.Training.Sweeps;
using Spectre.Console;

namespace ScaleSim.Cli.Commands;

/// <summary>
/// <c>scalesim sweep plan|run|submit|worker|status EXPERIMENT</c>: the runs of an experiment (as a table, JSON or
/// CSV), training them here, or on a cluster as a job array of workers sharing the sweep directory.
/// </summary>
internal static class SweepCommand
{
    public static Command Create(CliContext context)
    {
        var sweep = new Command("sweep", "Plan and train the runs of an experiment (experiments/NAME/experiment.json), here or on a cluster.");

        var planExperiment = CommonOptions.Experiment();
        var noEstimate = new Option<bool>("--no-estimate") { Description = "Skip timing a few shapes to estimate each run's wall time." };
        var planParallel = CommonOptions.Parallel();
        var planJson = CommonOptions.Json();
        var planFormat = CommonOptions.Format("one row per run");
        var plan = new Command("plan", "Print the runs: shape, N, D, FLOPs and estimated time; refuse a grid without interior minima.")
        {
            planExperiment, noEstimate, planParallel, planJson, planFormat,
        };
        plan.SetAction(parse =>
        {
            var outputFormat = CommonOptions.FormatOf(parse, planFormat, planJson);
            int parallel = parse.GetValue(planParallel) ?? Environment.ProcessorCount;
            if (parallel <= 0) throw new InputException($"--parallel must be positive, got {parallel}");
            var planned = SweepPlanner.Plan(ExperimentCatalog.Resolve(parse.GetValue(planExperiment)!));
            if (!parse.GetValue(noEstimate)) planned = ThroughputModel.Measure(planned).Annotate(planned);
            if (outputFormat == OutputFormat.Table) Render(context, planned, parallel);
            else
            {
                foreach (var warning in planned.Warnings) context.Warn(warning);
                var json = SweepPlanJson.ToJson(planned, parallel);
                // The CSV is the runs alone; the estimate in all and the warnings stay in the JSON (and on stderr).
                if (outputFormat == OutputFormat.Json) JsonOutput.Write(context.Out, json);
                else CsvOutput.WriteRows(context.Out, json["runs"]!.AsArray().Select(r => r!.AsObject()));
            }
            return 0;
        });

        var runExperiment = CommonOptions.Experiment();
        var output = new Option<string?>("--out") { Description = "Sweep directory (default runs/NAME)." };
        var runParallel = CommonOptions.Parallel();
        var runDevice = TrainingOptions.Device();
        var run = new Command("run", "Train every run of the experiment (resumable; writes runs.csv and curves.csv).")
        {
            runExperiment, output, runParallel, runDevice,
        };
        run.SetAction(parse =>
        {
            var planned = SweepPlanner.Plan(ExperimentCatalog.Resolve(parse.GetValue(runExperiment)!));
            string directory = parse.GetValue(output) ?? Path.Combine("runs", planned.Experiment.Name);
            int parallel = parse.GetValue(runParallel) ?? Environment.ProcessorCount;
            var device = TrainingDevices.Parse(parse.GetValue(runDevice)!);
            var outcomes = SweepProgressView.Show(context, (view, cancel) =>
            {
                view.Begin(planned, directory, headline: null);
                return SweepRunner.Run(planned, directory, parallel, view, cancel, device: device);
            });
            return SweepOutcomeReport.Write(context, outcomes, directory);
        });

        sweep.Subcommands.Add(plan);
        sweep.Subcommands.Add(run);
        sweep.Subcommands.Add(SweepSubmitCommand.Create(context));
        sweep.Subcommands.Add(SweepWorkerCommand.Create(context));
        sweep.Subcommands.Add(SweepStatusCommand.Create(context));
        return sweep;
    }

    private static void Render(CliContext context, SweepPlan plan, int parallel)
    {
        var table = new Table().PlainTitle($"{plan.Experiment.Name}: {plan.Runs.Count} runs ({plan.Experiment.FlopModel.Name} FLOPs; data {plan.Experiment.Data}, vocabulary {plan.Vocab})");
        table.AddColumn(new TableColumn("run").NoWrap());
        foreach (var h in new[] { "L", "d_model", "heads", "N non-emb.", "N total", "tokens D", "batch", "steps", "FLOPs", "est. s" })
            table.AddColumn(new TableColumn(h).RightAligned());
        foreach (var r in plan.Runs)
        {
            table.AddPlainRow(r.Id, I(r.Model.Layers), I(r.Model.DModel), I(r.Model.Heads), I(r.Model.NonEmbeddingParameters), I(r.Model.Parameters),
                NumberFormat.Scale(r.Tokens), I(r.Batch), I(r.Steps), NumberFormat.Scale(r.Flops),
                r.EstimatedSeconds is { } s ? s.ToString("F0", CultureInfo.InvariantCulture) : "");
        }
        context.Console.Write(table);
        if (plan.EstimatedCoreSeconds is { } total)
            context.Console.WriteLine($"estimated time on this machine: {total:F0} core-seconds, about {(plan.EstimatedWallSeconds(parallel) ?? total / parallel) / 60:F1} minutes with {parallel} runs at once" +
                (plan.Runs.Any(r => r.IsBranch) ? $" ({plan.Tasks.Count} tasks: each stem trains its branches in turn)" : ""));
        foreach (var warning in plan.Warnings) context.Warn(warning);

        static string I(long v) => v.ToString(CultureInfo.InvariantCulture);
    }
}
