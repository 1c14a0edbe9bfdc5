using System.CommandLine;
using ScaleSim.Cli.Output;
using ScaleSim.Experiments;
using ScaleSim.Training.Sweeps;
using ScaleSim.Training.Sweeps.Claims;
using ScaleSim.Training.Sweeps.Cluster;

namespace ScaleSim.Cli.Commands;

/// <summary><c>scalesim sweep status EXPERIMENT</c>: where every run stands, from the store and, where squeue answers, from Slurm's queue.</summary>
internal static class SweepStatusCommand
{
    public static Command Create(CliContext context)
    {
        var experiment = CommonOptions.Experiment();
        var output = new Option<string?>("--out") { Description = "Sweep directory (default runs/NAME)." };
        var json = CommonOptions.Json();
        var format = CommonOptions.Format("one row per run");
        var status = new Command("status", "Count the pending, claimed, running, completed, diverged and failed runs of a sweep, and list them.")
        {
            experiment, output, json, format,
        };
        status.SetAction(parse =>
        {
            var outputFormat = CommonOptions.FormatOf(parse, format, json);
            var plan = SweepPlanner.Plan(ExperimentCatalog.Resolve(parse.GetValue(experiment)!));
            string directory = parse.GetValue(output) ?? Path.Combine("runs", plan.Experiment.Name);
            var queue = new SlurmQueue();
            var report = SweepStatus.Read(plan, directory, new ClaimOptions { Queue = queue.IsAvailable ? queue : null });
            switch (outputFormat)
            {
                case OutputFormat.Json: JsonOutput.Write(context.Out, SweepStatusJson.ToJson(report)); break;
                // The runs alone: the counts are a sum over them.
                case OutputFormat.Csv: CsvOutput.WriteRows(context.Out, SweepStatusJson.ToJson(report)["runs"]!.AsArray().Select(r => r!.AsObject())); break;
                default: SweepStatusTable.Render(context, report); break;
            }
            return 0;
        });
        return status;
    }
}
