using ScaleSim.Training.Backends;
using ScaleSim.Training.Data;

namespace ScaleSim.Training.Runs;

/// <summary>
/// Trains one model: the library entry point the CLI and the sweeps call. Nothing is printed; progress goes to an
/// <see cref="IProgress{T}"/>, the result comes back as a <see cref="RunSummary"/>, and with a run directory every
/// file of the run is kept up to date.
/// </summary>
public static class Trainer
{
    /// <summary>
    /// Trains from scratch. With <paramref name="runDirectory"/>, writes config.json, metrics.csv, checkpoint.bin and
    /// summary.json there. Cancelling <paramref name="cancellationToken"/> stops between steps, checkpoints and returns
    /// status <see cref="RunStatus.Interrupted"/>. <paramref name="source"/> may be passed to share an already built
    /// source between runs; it must be the one <see cref="TrainingConfig.Data"/> names.
    /// </summary>
    public static RunSummary Run(TrainingConfig config, string? runDirectory = null, IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default, ITokenSource? source = null)
    {
        config.Validate();
        source ??= config.Data.Open();
        using var run = new TrainingRun(config, source);
        var directory = runDirectory is null ? null : RunDirectory.Create(runDirectory, config);
        return run.Train(directory, checkpoint: null, progress, cancellationToken);
    }

    /// <summary>
    /// Continues the run in <paramref name="runDirectory"/> from its last checkpoint; the result is bit-identical to
    /// an uninterrupted run. <paramref name="threads"/> and <paramref name="device"/> override where it runs. A
    /// completed run is returned as it is; a diverged one cannot be resumed.
    /// </summary>
    public static RunSummary Resume(string runDirectory, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default,
        int? threads = null, TrainingDevice? device = null, ITokenSource? source = null)
    {
        var directory = RunDirectory.Open(runDirectory);
        var config = directory.ReadConfig();
        config = config with { Threads = threads ?? config.Threads, Device = device ?? config.Device };
        config.Validate();
        var summary = directory.ReadSummary();
        if (summary?.Status == RunStatus.Completed) return summary;
        if (summary?.Status == RunStatus.Diverged)
            throw new InputException($"{runDirectory}: the run diverged at step {summary.Steps}; there is nothing to resume");
        source ??= config.Data.Open();
        using var run = new TrainingRun(config, source);
        Checkpoint? checkpoint = File.Exists(directory.CheckpointPath) ? Checkpoint.Load(directory.CheckpointPath, run.Layout.Count) : null;
        return run.Train(directory, checkpoint, progress, cancellationToken);
    }
}
