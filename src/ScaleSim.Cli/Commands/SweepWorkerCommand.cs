using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using ScaleSim.Cli.Output;
using ScaleSim.Cli.Progress;
using ScaleSim.Experiments;
using ScaleSim.Training.Sweeps;
using ScaleSim.Training.Sweeps.Claims;
using ScaleSim.Training.Sweeps.Cluster;

namespace ScaleSim.Cli.Commands;

/// <summary>
/// <c>scalesim sweep worker EXPERIMENT --out DIR --task-index I</c>: what each task of a cluster job runs — one run of
/// the plan, claimed in the shared sweep directory, trained or resumed, tables refreshed. SIGTERM (what Slurm sends
/// before a kill) and Ctrl-C stop training at the next step with a checkpoint, release the claim and exit 130, so the
/// next attempt resumes exactly where this one stopped.
/// </summary>
internal static class SweepWorkerCommand
{
    public static Command Create(CliContext context)
    {
        var experiment = CommonOptions.Experiment();
        var output = new Option<string?>("--out") { Description = "Sweep directory, shared by every worker (default runs/NAME)." };
        var taskIndex = new Option<int?>("--task-index") { Description = "The run's index in the plan (default: SLURM_ARRAY_TASK_ID)." };
        var worker = new Command("worker", "Claim, train and publish one run of the experiment: what each task of a cluster job runs.")
        {
            experiment, output, taskIndex,
        };
        worker.SetAction(parse =>
        {
            var plan = SweepPlanner.Plan(ExperimentCatalog.Resolve(parse.GetValue(experiment)!));
            string directory = parse.GetValue(output) ?? Path.Combine("runs", plan.Experiment.Name);
            int index = parse.GetValue(taskIndex) ?? IndexFromSlurm();
            var options = new WorkerOptions { Claims = new ClaimOptions { Queue = new SlurmQueue() } };

            using var cancel = new CancellationTokenSource();
            string? signal = null;
            void Stop(PosixSignalContext c, string name)
            {
                // Handled here instead of ending the process: training stops at its next step and checkpoints it.
                c.Cancel = true;
                signal ??= name;
                cancel.Cancel();
            }
            using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => Stop(c, "SIGTERM"));
            using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => Stop(c, "SIGINT"));

            var tasks = plan.Tasks;
            if (index >= 0 && index < tasks.Count)
                context.Error.WriteLine($"{tasks[index].Id}: worker {options.Owner} on task index {index} ({tasks[index].Runs.Count} run(s)), into {directory}");
            var results = SweepWorker.Run(plan, directory, index, options, new StepLog(context), cancel.Token);
            foreach (var result in results)
            {
                var run = result.Run;
                string steps = result.StepsTrained > 0
                    ? string.Create(CultureInfo.InvariantCulture, $"steps {result.FromStep}–{result.ToStep} of {run.Steps}")
                    : string.Create(CultureInfo.InvariantCulture, $"no steps trained, {result.ToStep} of {run.Steps} done");
                string claim = result.ClaimGeneration is { } g ? string.Create(CultureInfo.InvariantCulture, $", claim {g}") : "";
                context.Out.WriteLine($"{run.Id}: {SweepProgressView.Describe(result.Outcome)} ({steps}{claim}){(result.Note is null ? "" : $"; {result.Note}")}");
                if (signal is not null && result.Outcome == RunOutcome.Interrupted)
                    context.Error.WriteLine($"{run.Id}: stopped by {signal}; the next worker on this run resumes it from step {result.ToStep}");
            }
            var trained = results.Where(r => r.Outcome is RunOutcome.Trained or RunOutcome.Resumed or RunOutcome.Retrained).ToList();
            if (results.FirstOrDefault(r => r.CompletedRuns is not null)?.CompletedRuns is { } n) context.Error.WriteLine($"{directory}: runs.csv and curves.csv hold {n} completed runs");
            else if (trained.Count > 0)
                context.Warn($"{directory}: the tables lock stayed busy; runs.csv will include {string.Join(", ", trained.Select(r => r.Run.Id))} at the next refresh");
            if (results.Any(r => r.Outcome == RunOutcome.Interrupted)) return SweepOutcomeReport.Interrupted;
            return results.Any(r => r.Outcome == RunOutcome.Diverged) ? SweepOutcomeReport.Diverged : 0;
        });
        return worker;
    }

    private static int IndexFromSlurm()
    {
        string? text = Environment.GetEnvironmentVariable("SLURM_ARRAY_TASK_ID");
        if (string.IsNullOrEmpty(text)) throw new InputException("give --task-index, or run as a Slurm array task (SLURM_ARRAY_TASK_ID is not set)");
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int index))
            throw new InputException($"SLURM_ARRAY_TASK_ID '{text}' is not a task index");
        return index;
    }

    /// <summary>A line on stderr at each quarter of the run: a worker's log is a file, not a terminal.</summary>
    private sealed class StepLog(CliContext context) : IProgress<SweepEvent>
    {
        private long _quarter = -1;

        public void Report(SweepEvent e)
        {
            if (e.Outcome is not null) return;
            if (e.Note is not null) context.Warn($"{e.Run.Id}: {e.Note}");
            var p = e.Progress;
            if (p.Step == 0) return;
            long quarter = p.Step * 4 / Math.Max(1, p.TotalSteps);
            if (_quarter < 0)
            {
                context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{e.Run.Id}: training from step {p.Step - 1} of {p.TotalSteps}"));
                _quarter = quarter;
                return;
            }
            if (quarter <= _quarter) return;
            _quarter = quarter;
            context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{e.Run.Id}: step {p.Step} of {p.TotalSteps}, train loss {p.TrainLoss:F4}"));
        }
    }
}
