using System.CommandLine;
using ScaleSim.Cli.Output;
using ScaleSim.Experiments;
using ScaleSim.Experiments.Cluster;
using ScaleSim.Training.Sweeps;

namespace ScaleSim.Cli.Commands;

/// <summary>
/// <c>scalesim sweep submit EXPERIMENT --slurm</c>: the runs not yet completed as one Slurm job array, each task a
/// <c>sweep worker</c> of this same ScaleSim (or of <c>--command</c>) on the shared sweep directory.
/// </summary>
internal static class SweepSubmitCommand
{
    public static Command Create(CliContext context)
    {
        var experiment = CommonOptions.Experiment();
        var slurm = new Option<bool>("--slurm") { Description = "Submit to Slurm with sbatch, as a job array (the only engine so far)." };
        var output = new Option<string?>("--out") { Description = "Sweep directory, on a file system every node shares (default runs/NAME)." };
        var partition = new Option<string?>("--partition") { Description = "Slurm partition (default: the cluster's)." };
        var gpus = new Option<int?>("--gpus-per-task") { Description = "GPUs per task (for experiments that train on a GPU)." };
        var cpus = new Option<int>("--cpus-per-task") { Description = "CPUs per task (runs train on one thread).", DefaultValueFactory = _ => 1 };
        var time = new Option<string?>("--time") { Description = "Time limit per task, HH:MM:SS or D-HH:MM:SS (a task stopped by it resumes on resubmission)." };
        var maxParallel = new Option<int?>("--max-parallel") { Description = "Tasks running at once (the array's %K throttle)." };
        var command = new Option<string?>("--command")
        {
            Description = "The ScaleSim the nodes run, as a shell command (e.g. 'scalesim' for an installed tool); default: the one submitting.",
        };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the sbatch script and submit nothing." };
        var json = CommonOptions.Json();
        var submit = new Command("submit", "Submit the runs not yet completed as a job array; each task trains one run into the shared sweep directory.")
        {
            experiment, slurm, output, partition, gpus, cpus, time, maxParallel, command, dryRun, json,
        };
        submit.SetAction(parse =>
        {
            if (!parse.GetValue(slurm)) throw new InputException("sweep submit needs the engine to submit to: --slurm (the only one so far)");
            string given = parse.GetValue(experiment)!;
            var plan = SweepPlanner.Plan(ExperimentCatalog.Resolve(given));
            string directory = Path.GetFullPath(parse.GetValue(output) ?? Path.Combine("runs", plan.Experiment.Name));
            var options = new SlurmJobOptions
            {
                Partition = parse.GetValue(partition),
                GpusPerTask = parse.GetValue(gpus),
                CpusPerTask = parse.GetValue(cpus),
                TimeLimit = parse.GetValue(time),
                MaxParallel = parse.GetValue(maxParallel),
            };
            // The nodes resolve the experiment as this process did: a file by its absolute path, a built-in by name.
            string experimentWord = ExperimentCatalog.Locate(given) is { } file ? Path.GetFullPath(file) : given;
            string program = parse.GetValue(command) ?? string.Join(' ', ScaleSimInvocation.Current().Select(SlurmArrayScript.Quote));
            string worker = $"{program} sweep worker {SlurmArrayScript.Quote(experimentWord)} --out {SlurmArrayScript.Quote(directory)} --task-index \"$SLURM_ARRAY_TASK_ID\"";

            var result = SlurmSubmission.Submit(plan, directory, worker, options, parse.GetValue(dryRun));
            if (parse.GetValue(dryRun))
            {
                if (result.Tasks.Count == 0) context.Error.WriteLine($"{directory}: every run of {plan.Experiment.Name} is completed (or diverged); nothing to submit");
                else context.Out.Write(result.Script);
                return 0;
            }
            if (parse.GetValue(json)) JsonOutput.Write(context.Out, SlurmSubmissionJson.ToJson(result, options.MaxParallel));
            else if (result.JobId is null) context.Out.WriteLine($"{directory}: every run of {plan.Experiment.Name} is completed (or diverged); nothing to submit");
            else
            {
                context.Out.WriteLine(result.JobId);
                context.Error.WriteLine($"submitted job {result.JobId}: {result.Tasks.Count} of {plan.Tasks.Count} tasks, {result.Tasks.Sum(t => t.Runs.Count)} runs (array {SlurmArrayScript.ArraySpec(result.Indices, options.MaxParallel)}); script {result.ScriptPath}");
                context.Error.WriteLine($"watch it with: scalesim sweep status {given} --out {directory}");
            }
            return 0;
        });
        return submit;
    }
}
