using System.Diagnostics;
using ScaleSim.Training.Sweeps.Claims;

namespace ScaleSim.Training.Sweeps.Cluster;

/// <summary>
/// Slurm's queue, read with <c>squeue</c>: a task is queued while squeue lists it in an active state, and gone once
/// squeue lists it no longer (finished tasks drop out; after MinJobAge even their ids are unknown). squeue is asked at
/// the moment of each question — a judgement that a claim's owner is gone must not rest on an older listing.
/// </summary>
public sealed class SlurmQueue : IJobQueue
{
    // The states in which a task's processes may still run (squeue's long names).
    private static readonly HashSet<string> Active = new(StringComparer.Ordinal)
    {
        "PENDING", "RUNNING", "SUSPENDED", "COMPLETING", "CONFIGURING", "REQUEUED", "REQUEUE_FED", "REQUEUE_HOLD",
        "RESIZING", "SIGNALING", "STAGE_OUT", "STOPPED", "RESV_DEL_HOLD", "SPECIAL_EXIT", "POWER_UP_NODE",
    };

    private readonly string _squeue;
    private readonly Lazy<string> _scheduler;

    /// <summary>Reads the queue with <paramref name="squeue"/> (the one on the PATH by default).</summary>
    public SlurmQueue(string squeue = "squeue")
    {
        _squeue = squeue;
        _scheduler = new Lazy<string>(() => ClaimOwner.SlurmScheduler(Environment.GetEnvironmentVariable("SLURM_CLUSTER_NAME") ?? ClusterName()));
    }

    /// <summary>
    /// <c>slurm:CLUSTER</c>: the queue is asked only about tasks of its own cluster. Another cluster's squeue (a store
    /// shared between clusters, a login node of another one) would not know their ids and take them for gone.
    /// </summary>
    public string Scheduler => _scheduler.Value;

    /// <summary>Whether an squeue can be run here at all.</summary>
    public bool IsAvailable => Query(["-h", "-o", "%i", "-j", "0"]) is not null;

    /// <inheritdoc />
    public JobLookup Lookup(string task)
    {
        var answer = Query(["-h", "-o", "%T", "-j", task]);
        if (answer is not { } a) return new JobLookup(JobPresence.Unknown);
        if (a.Unknown) return new JobLookup(JobPresence.Gone);
        var state = a.Lines.FirstOrDefault();
        return state is not null && Active.Contains(state) ? new JobLookup(JobPresence.Queued, state) : new JobLookup(JobPresence.Gone, state);
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string>? TasksOf(string job)
    {
        // -r lists each pending array task on its own line instead of as a range.
        var answer = Query(["-h", "-r", "-o", "%i %T", "-j", job]);
        if (answer is not { } a) return null;
        var tasks = new Dictionary<string, string>(StringComparer.Ordinal);
        if (a.Unknown) return tasks;
        foreach (var line in a.Lines)
        {
            var parts = line.Split(' ', 2, StringSplitOptions.TrimEntries);
            if (parts.Length == 2 && Active.Contains(parts[1])) tasks[parts[0]] = parts[1];
        }
        return tasks;
    }

    // The cluster's name from its configuration, as scontrol (beside squeue) reads it; null when it cannot be asked.
    private string? ClusterName()
    {
        string scontrol = Path.Combine(Path.GetDirectoryName(_squeue) ?? "", "scontrol");
        var answer = Run(scontrol, ["show", "config"]);
        var line = answer?.Lines.FirstOrDefault(l => l.StartsWith("ClusterName", StringComparison.Ordinal));
        return line?.Split('=', 2) is [_, var name] ? name.Trim() : null;
    }

    // null: squeue could not be run or the controller could not be reached. Unknown: the controller does not know the id.
    private (IReadOnlyList<string> Lines, bool Unknown)? Query(IReadOnlyList<string> arguments) => Run(_squeue, arguments);

    private static (IReadOnlyList<string> Lines, bool Unknown)? Run(string program, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        try
        {
            using var process = Process.Start(start);
            if (process is null) return null;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
            {
                process.Kill();
                return null;
            }
            var lines = stdout.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (process.ExitCode == 0) return (lines, false);
            return stderr.Result.Contains("Invalid job id", StringComparison.OrdinalIgnoreCase) ? (lines, true) : null;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            return null;
        }
    }
}
