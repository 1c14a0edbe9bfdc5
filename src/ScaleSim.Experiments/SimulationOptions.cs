using ScaleSim.Training.Backends;

namespace ScaleSim.Experiments;

/// <summary>Where a simulation keeps its runs and report, and how it trains and analyses.</summary>
public sealed record SimulationOptions
{
    /// <summary>The sweep directory: one directory per run, resumable, and the sweep's tables.</summary>
    public required string RunsDirectory { get; init; }

    /// <summary>Where report.md, result.json, the figures and the tables go; null writes no report.</summary>
    public string? ReportDirectory { get; init; }

    /// <summary>
    /// Whether to train the runs not completed yet. Off, the store is analysed as it is — for a sweep that a cluster's
    /// workers are still training, whose completed runs are analysed and the rest left to them.
    /// </summary>
    public bool Train { get; init; } = true;

    /// <summary>Runs trained at once, one CPU thread each.</summary>
    public int ParallelRuns { get; init; } = Environment.ProcessorCount;

    /// <summary>Where the runs train (all of them on one GPU when it is one: each run has its own buffers and stream).</summary>
    public TrainingDevice Device { get; init; } = TrainingDevice.Auto;

    /// <summary>Bootstrap resamples for every interval.</summary>
    public int Resamples { get; init; } = 200;

    /// <summary>The command that reproduces the simulation, quoted in the report.</summary>
    public string Command { get; init; } = "scalesim simulate";
}
