using System.Diagnostics;
using System.Globalization;
using ScaleSim.Training.Sweeps;
using ScaleSim.Training.Sweeps.Claims;
using ScaleSim.Training.Sweeps.Cluster;

namespace ScaleSim.Experiments.Cluster;

/// <summary>
/// Submits the tasks of a sweep that are not finished (<see cref="SweepPlan.Tasks"/>: a run, or a stem and its branches)
/// as one Slurm job array: sets the store up (experiment.json),
/// writes the sbatch script into its slurm/ folder, runs <c>sbatch</c> and records the job in the store. Submitting
/// again submits only what is still not completed (nor diverged); a task whose run another task already holds finds it
/// busy and exits, so a run is never trained twice.
/// </summary>
public static class SlurmSubmission
{
    /// <summary>Submits (or, with <paramref name="dryRun"/>, only writes the text of) the job array.</summary>
    /// <param name="plan">The sweep's plan.</param>
    /// <param name="directory">The sweep directory, on a file system the nodes share (made absolute here).</param>
    /// <param name="workerCommand">The shell command every task runs: a <c>sweep worker</c> of this experiment and directory.</param>
    /// <param name="options">What each task asks for.</param>
    /// <param name="dryRun">Return the script without writing or submitting anything.</param>
    /// <param name="sbatch">The sbatch to run (the one on the PATH by default).</param>
    public static SlurmSubmissionResult Submit(SweepPlan plan, string directory, string workerCommand, SlurmJobOptions options, bool dryRun,
        string sbatch = "sbatch")
    {
        options.Validate();
        var store = new SweepStore(Path.GetFullPath(directory));
        var status = Directory.Exists(store.Directory) ? SweepStatus.Read(plan, store.Directory, new ClaimOptions()) : null;
        var runIndex = plan.Runs.Select((r, i) => (r.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var planTasks = plan.Tasks;
        // A task is finished when every run of it is completed or diverged.
        var indices = Enumerable.Range(0, planTasks.Count)
            .Where(t => status is null || planTasks[t].Runs.Any(r => status.Runs[runIndex[r.Id]].State is not (SweepRunState.Completed or SweepRunState.Diverged)))
            .ToList();
        var tasks = indices.Select(i => planTasks[i]).ToList();
        if (indices.Count == 0) return new SlurmSubmissionResult(null, tasks, indices, null, "");

        var job = new SlurmArrayJob(
            $"scalesim-{plan.Experiment.Name}",
            indices,
            options,
            Path.Combine(store.SchedulerDirectory, "%A_%a.out"),
            workerCommand,
            [
                $"scalesim sweep submit: {indices.Count} of the {planTasks.Count} tasks of {plan.Experiment.Name} not yet completed,",
                $"one array task each (task id = the task's index in the plan: a run, or a stem and its branches), into {store.Directory}.",
                "Each task claims its runs in the store in turn, trains or resumes them, and refreshes runs.csv and curves.csv.",
            ]);
        string script = SlurmArrayScript.Render(job);
        if (dryRun) return new SlurmSubmissionResult(null, tasks, indices, null, script);

        store.WriteExperiment(plan);
        Directory.CreateDirectory(store.SchedulerDirectory);
        string scriptPath = Path.Combine(store.SchedulerDirectory,
            string.Create(CultureInfo.InvariantCulture, $"array-{DateTime.UtcNow:yyyyMMdd-HHmmss-fff}.sbatch"));
        File.WriteAllText(scriptPath, script);
        string jobId = RunSbatch(sbatch, scriptPath);
        store.RecordSubmission(jobId, indices, ClaimOwner.Current());
        return new SlurmSubmissionResult(jobId, tasks, indices, scriptPath, script);
    }

    private static string RunSbatch(string sbatch, string scriptPath)
    {
        var start = new ProcessStartInfo(sbatch) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        // Machine-readable output: "JOBID" or "JOBID;CLUSTER".
        start.ArgumentList.Add("--parsable");
        start.ArgumentList.Add(scriptPath);
        Process? process;
        try
        {
            process = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw InputException.About($"cannot run '{sbatch}' ({e.Message}): is this a Slurm login node? ({InputName.Of("dry_run")} prints the script without submitting it)", e);
        }
        if (process is null) throw new InputException($"cannot run '{sbatch}'");
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            string output = stdout.Result.Trim();
            if (process.ExitCode != 0 || output.Length == 0)
            {
                string why = stderr.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? $"exit code {process.ExitCode}";
                throw new InputException($"sbatch refused {scriptPath}: {why}");
            }
            return output.Split(';')[0];
        }
    }
}
