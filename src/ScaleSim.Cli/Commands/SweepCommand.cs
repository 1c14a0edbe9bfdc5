using System.CommandLine;
using System.Globalization;
using ScaleSim.Cli.Output;
using ScaleSim.Cli.Progress;
using ScaleSim.Training.Sweeps;
using Spectre.Console;

namespace ScaleSim.Cli.Commands;

/// <summary><c>scalesim sweep plan|run EXPERIMENT</c>: the runs of an IsoFLOP experiment, and training them.</summary>
internal static class SweepCommand
{
    public static Command Create(CliContext context)
    {
        var sweep = new Command("sweep", "Plan and train the runs of an IsoFLOP experiment (experiments/NAME/experiment.json).");

        var planExperiment = ExperimentArgument();
        var noEstimate = new Option<bool>("--no-estimate") { Description = "Skip timing a few shapes to estimate each run's wall time." };
        var planParallel = ParallelOption();
        var plan = new Command("plan", "Print the runs: shape, N, D, FLOPs and estimated time; refuse a grid without interior minima.")
        {
            planExperiment, noEstimate, planParallel,
        };
        plan.SetAction(parse =>
        {
            var experiment = ExperimentCatalog.Resolve(parse.GetValue(planExperiment)!);
            var planned = SweepPlanner.Plan(experiment);
            if (!parse.GetValue(noEstimate)) planned = ThroughputModel.Measure(planned).Annotate(planned);
            Render(context, planned, Parallel(parse.GetValue(planParallel)));
            return 0;
        });

        var runExperiment = ExperimentArgument();
        var output = new Option<string?>("--out") { Description = "Sweep directory (default runs/NAME)." };
        var runParallel = ParallelOption();
        var run = new Command("run", "Train every run of the experiment (resumable; writes runs.csv and curves.csv).")
        {
            runExperiment, output, runParallel,
        };
        run.SetAction(parse =>
        {
            var experiment = ExperimentCatalog.Resolve(parse.GetValue(runExperiment)!);
            var planned = SweepPlanner.Plan(experiment);
            string directory = parse.GetValue(output) ?? Path.Combine("runs", experiment.Name);
            foreach (var warning in planned.Warnings) context.Warn(warning);
            var outcomes = SweepProgressView.Run(context, planned, directory, Parallel(parse.GetValue(runParallel)));
            return Report(context, outcomes, directory);
        });

        sweep.Subcommands.Add(plan);
        sweep.Subcommands.Add(run);
        return sweep;
    }

    internal static Argument<string> ExperimentArgument() => new("EXPERIMENT")
    {
        Description = $"An experiment file, or a name under experiments/ (built in: {string.Join(", ", ExperimentCatalog.BuiltIn)}).",
    };

    internal static Option<int?> ParallelOption() => new("--parallel") { Description = "Runs trained at once, one CPU thread each (default: one per core)." };

    internal static int Parallel(int? requested)
    {
        int parallel = requested ?? Environment.ProcessorCount;
        if (parallel <= 0) throw new InputException($"--parallel must be positive, got {parallel}");
        return parallel;
    }

    /// <summary>Summarises outcomes; the exit code is 0 when every run completed, 3 when some diverged, 130 when interrupted.</summary>
    internal static int Report(CliContext context, IReadOnlyList<(PlannedRun Run, RunOutcome Outcome)> outcomes, string directory)
    {
        var counts = outcomes.GroupBy(o => o.Outcome).OrderBy(g => g.Key).Select(g => $"{g.Count()} {SweepProgressView.Describe(g.Key)}");
        context.Error.WriteLine($"{directory}: {string.Join(", ", counts)}; runs.csv and curves.csv hold the completed runs");
        foreach (var (r, _) in outcomes.Where(o => o.Outcome == RunOutcome.Diverged))
            context.Warn($"{r.Id} diverged; see {Path.Combine(directory, r.Id, "summary.json")} (delete the directory to retry it)");
        if (outcomes.Any(o => o.Outcome is RunOutcome.Interrupted or RunOutcome.Busy)) return 130;
        return outcomes.Any(o => o.Outcome == RunOutcome.Diverged) ? 3 : 0;
    }

    private static void Render(CliContext context, SweepPlan plan, int parallel)
    {
        var table = new Table().PlainTitle($"{plan.Experiment.Name}: {plan.Runs.Count} runs ({plan.Experiment.FlopModel} FLOPs; data {plan.Experiment.Data}, vocabulary {plan.Vocab})");
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
            context.Console.WriteLine($"estimated time on this machine: {total:F0} core-seconds, about {total / parallel / 60:F1} minutes with {parallel} runs at once");
        foreach (var warning in plan.Warnings) context.Warn(warning);

        static string I(long v) => v.ToString(CultureInfo.InvariantCulture);
    }
}
