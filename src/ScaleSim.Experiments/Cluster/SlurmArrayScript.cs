using System.Globalization;
using System.Text;

namespace ScaleSim.Experiments.Cluster;

/// <summary>
/// The sbatch script of a sweep's job array: one array task per run to train, indexed by the run's place in the plan,
/// throttled to K at once, each task exec-ing the worker command so that Slurm's SIGTERM (scancel, time limit,
/// preemption) reaches the worker itself, which checkpoints and exits; <c>--requeue</c> lets Slurm start a task
/// again after a node failure or preemption, and the worker then resumes its run.
/// </summary>
public static class SlurmArrayScript
{
    /// <summary>The script's text.</summary>
    public static string Render(SlurmArrayJob job)
    {
        job.Options.Validate();
        if (job.Indices.Count == 0) throw new ArgumentException("a job array needs at least one task", nameof(job));
        var text = new StringBuilder("#!/bin/bash\n");
        foreach (var line in job.Comment) text.Append("# ").Append(line).Append('\n');
        void Directive(string option) => text.Append("#SBATCH ").Append(option).Append('\n');
        Directive($"--job-name={job.Name}");
        Directive($"--array={ArraySpec(job.Indices, job.Options.MaxParallel)}");
        Directive($"--output={job.Output}");
        Directive("--ntasks=1");
        Directive(string.Create(CultureInfo.InvariantCulture, $"--cpus-per-task={job.Options.CpusPerTask}"));
        if (job.Options.GpusPerTask is { } gpus) Directive(string.Create(CultureInfo.InvariantCulture, $"--gpus-per-task={gpus}"));
        if (job.Options.Partition is { } partition) Directive($"--partition={partition}");
        if (job.Options.TimeLimit is { } time) Directive($"--time={time}");
        Directive("--requeue");
        text.Append("set -eu\n");
        // exec: the worker replaces the shell, so the signals Slurm sends the batch step reach it directly.
        text.Append("exec ").Append(job.Command).Append('\n');
        return text.ToString();
    }

    /// <summary>
    /// Slurm's array index list: consecutive indices as ranges, then the throttle, e.g. <c>0-4,7,9-10%2</c>.
    /// </summary>
    public static string ArraySpec(IReadOnlyList<int> indices, int? maxParallel)
    {
        var sorted = indices.Distinct().Order().ToList();
        var parts = new List<string>();
        for (int i = 0; i < sorted.Count;)
        {
            int j = i;
            while (j + 1 < sorted.Count && sorted[j + 1] == sorted[j] + 1) j++;
            parts.Add(j == i ? I(sorted[i]) : $"{I(sorted[i])}-{I(sorted[j])}");
            i = j + 1;
        }
        return string.Join(',', parts) + (maxParallel is { } k ? $"%{I(k)}" : "");

        static string I(int v) => v.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>A word quoted for a POSIX shell: left bare when it is plainly safe, else in single quotes.</summary>
    public static string Quote(string word)
    {
        if (word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '_' or '-' or '+' or ':' or '=' or ',' or '@'))
            return word;
        return "'" + word.Replace("'", "'\\''") + "'";
    }
}
