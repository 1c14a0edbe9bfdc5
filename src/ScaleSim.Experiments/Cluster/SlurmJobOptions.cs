using System.Text.RegularExpressions;

namespace ScaleSim.Experiments.Cluster;

/// <summary>What each task of a sweep's Slurm job array asks for, and how many run at once.</summary>
public sealed partial record SlurmJobOptions
{
    /// <summary>The partition (null: the cluster's default).</summary>
    public string? Partition { get; init; }

    /// <summary>GPUs per task (null: none asked for).</summary>
    public int? GpusPerTask { get; init; }

    /// <summary>CPUs per task. Sweeps train one run per CPU thread, so one is enough unless the experiment trains on a GPU.</summary>
    public int CpusPerTask { get; init; } = 1;

    /// <summary>Time limit per task, HH:MM:SS or D-HH:MM:SS (null: the partition's).</summary>
    public string? TimeLimit { get; init; }

    /// <summary>Tasks that may run at once (the array's <c>%K</c> throttle; null: as many as Slurm allows).</summary>
    public int? MaxParallel { get; init; }

    /// <summary>Throws <see cref="InputException"/> naming the first bad value.</summary>
    public void Validate()
    {
        if (GpusPerTask is <= 0) throw InputException.About($"{InputName.Of("gpus_per_task")} must be positive, got {GpusPerTask}");
        if (CpusPerTask <= 0) throw InputException.About($"{InputName.Of("cpus_per_task")} must be positive, got {CpusPerTask}");
        if (MaxParallel is <= 0) throw InputException.About($"{InputName.Of("max_parallel")} must be positive, got {MaxParallel}");
        if (TimeLimit is not null && !TimeLimitPattern().IsMatch(TimeLimit))
            throw InputException.About($"{InputName.Of("time_limit")} must be HH:MM:SS or D-HH:MM:SS, got '{TimeLimit}'");
        if (Partition is not null && (Partition.Length == 0 || Partition.Any(c => char.IsWhiteSpace(c) || c is '\'' or '"' or '#' or '\\')))
            throw InputException.About($"{InputName.Of("partition")} must be a partition name, got '{Partition}'");
    }

    [GeneratedRegex(@"^(\d+-)?\d{1,3}:[0-5]\d:[0-5]\d$")]
    private static partial Regex TimeLimitPattern();
}
