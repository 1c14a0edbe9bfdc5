using System.Diagnostics;

namespace ScaleSim.Training.Sweeps.Claims;

/// <summary>
/// Who holds a claim: a process on a host, and the scheduler task it runs as, if any. The process start time tells a
/// live process from a later one that reused its id; the scheduler task tells an earlier attempt of the same task (a
/// requeued Slurm array task, a recovered SkyPilot job) from another task.
/// </summary>
/// <param name="Host">The host name.</param>
/// <param name="Pid">The process id on that host.</param>
/// <param name="ProcessStart">When that process started (UTC).</param>
/// <param name="Scheduler">The engine that started the process, or null: <c>slurm:CLUSTER</c> (a Slurm cluster's queue can vouch only for its own tasks), <c>skypilot</c>.</param>
/// <param name="Task">The task as that engine names it (<c>JOBID_TASK</c> for a Slurm array task), or null.</param>
public sealed record ClaimOwner(string Host, int Pid, DateTimeOffset ProcessStart, string? Scheduler = null, string? Task = null)
{
    /// <summary>The scheduler name of Slurm tasks of a cluster whose name is not known.</summary>
    public const string Slurm = "slurm";

    /// <summary>The scheduler name of SkyPilot managed jobs.</summary>
    public const string SkyPilot = "skypilot";

    /// <summary>This process, with the scheduler task read from the environment (<see cref="TaskFromEnvironment"/>).</summary>
    public static ClaimOwner Current()
    {
        var (scheduler, task) = TaskFromEnvironment();
        return new ClaimOwner(Environment.MachineName, Environment.ProcessId, ProcessStartOf(Process.GetCurrentProcess()) ?? DateTimeOffset.UtcNow, scheduler, task);
    }

    /// <summary>
    /// The scheduler task this process runs as: a Slurm array task as <c>ARRAYJOB_TASK</c> (what <c>squeue -j</c> and
    /// <c>scancel</c> take) of its cluster (<c>SLURM_CLUSTER_NAME</c>), a plain Slurm job by its id, or a SkyPilot task by
    /// <c>SKYPILOT_TASK_ID</c>, which a managed job keeps across its recoveries. (null, null) outside a scheduler.
    /// </summary>
    public static (string? Scheduler, string? Task) TaskFromEnvironment()
    {
        string? Get(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } v ? v : null;
        string slurm = SlurmScheduler(Get("SLURM_CLUSTER_NAME"));
        if (Get("SLURM_ARRAY_JOB_ID") is { } array && Get("SLURM_ARRAY_TASK_ID") is { } index) return (slurm, $"{array}_{index}");
        if (Get("SLURM_JOB_ID") is { } job) return (slurm, job);
        if (Get("SKYPILOT_TASK_ID") is { } sky) return (SkyPilot, sky);
        return (null, null);
    }

    /// <summary>The scheduler name of the tasks of Slurm cluster <paramref name="cluster"/> (<see cref="Slurm"/> when unknown).</summary>
    public static string SlurmScheduler(string? cluster) => string.IsNullOrEmpty(cluster) ? Slurm : $"{Slurm}:{cluster}";

    /// <summary>Whether this owner is the same process as <paramref name="other"/>.</summary>
    public bool IsSameProcess(ClaimOwner other) =>
        Host == other.Host && Pid == other.Pid && Math.Abs((ProcessStart - other.ProcessStart).TotalSeconds) < 1;

    /// <summary>Whether both run as the same scheduler task (one of them an earlier attempt of it).</summary>
    public bool IsSameTask(ClaimOwner other) => Task is not null && Scheduler == other.Scheduler && Task == other.Task;

    /// <summary>Whether the process of this owner still runs; only answerable on its own host (null elsewhere).</summary>
    public bool? IsRunningHere()
    {
        if (Host != Environment.MachineName) return null;
        try
        {
            using var process = Process.GetProcessById(Pid);
            // A process that reused the id started later: the owner itself is gone.
            return ProcessStartOf(process) is not { } start || Math.Abs((start - ProcessStart).TotalSeconds) < 1;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>A short description for messages: the task, or the process and host.</summary>
    public override string ToString() => Task is not null ? $"{Scheduler} task {Task} on {Host}" : $"process {Pid} on {Host}";

    private static DateTimeOffset? ProcessStartOf(Process process)
    {
        try
        {
            return new DateTimeOffset(process.StartTime.ToUniversalTime(), TimeSpan.Zero);
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException or System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
