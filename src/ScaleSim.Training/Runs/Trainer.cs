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
    /// <param name="config">The run.</param>
    /// <param name="runDirectory">Where its files go, or null to keep nothing.</param>
    /// <param name="progress">Receives every step.</param>
    /// <param name="cancellationToken">Stops between steps.</param>
    /// <param name="source">The data source <paramref name="config"/> names, when already built.</param>
    /// <param name="keepCheckpointsAt">Steps whose exact state is also kept as a file of its own
    /// (<see cref="RunDirectory.StepCheckpointPath"/>), for branches that continue the run from there (<see cref="Branch"/>).</param>
    public static RunSummary Run(TrainingConfig config, string? runDirectory = null, IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default, ITokenSource? source = null, IReadOnlySet<long>? keepCheckpointsAt = null)
    {
        config.Validate();
        source ??= config.Data.Open();
        using var run = new TrainingRun(config, source);
        var directory = runDirectory is null ? null : RunDirectory.Create(runDirectory, config);
        return run.Train(directory, checkpoint: null, progress, cancellationToken, keepCheckpointsAt);
    }

    /// <summary>
    /// Trains <paramref name="config"/>, a run with a warmup-stable-decay schedule, by continuing the stem in
    /// <paramref name="stemDirectory"/> from its kept checkpoint of step <paramref name="step"/>, the first step of the
    /// run's cool-down: the stem is the same run up to there (same shape, data, seed, batch, warm-up and peak, and a
    /// constant rate to that step), so the result is bit-identical to training <paramref name="config"/> from scratch, at
    /// the cost of its cool-down alone. The branch's directory records where it started (branch.json); interrupted, it is
    /// continued by <see cref="Resume"/> like any run.
    /// </summary>
    public static RunSummary Branch(TrainingConfig config, string runDirectory, string stemDirectory, long step, IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default, ITokenSource? source = null)
    {
        config.Validate();
        var stem = RunDirectory.Open(stemDirectory);
        CheckBranch(config, stem.ReadConfig(), stemDirectory, step);
        string from = stem.StepCheckpointPath(step);
        if (!File.Exists(from)) throw new InputException($"{stemDirectory}: the stem kept no checkpoint of step {step} to branch from");
        source ??= config.Data.Open();
        using var run = new TrainingRun(config, source);
        var checkpoint = Checkpoint.Load(from, run.Layout.Count);
        if (checkpoint.Step != step) throw new InputException($"'{from}' holds step {checkpoint.Step}, not {step}");
        var directory = RunDirectory.Create(runDirectory, config);
        // The copy first: a branch killed before its first validation resumes from the stem's state.
        checkpoint.Save(directory.CheckpointPath);
        directory.WriteBranchOrigin(new BranchOrigin(Path.GetFileName(Path.TrimEndingDirectorySeparator(stemDirectory)), step, checkpoint.ElapsedSeconds));
        return run.Train(directory, checkpoint, progress, cancellationToken);
    }

    /// <summary>Throws <see cref="InputException"/> unless the stem is the branch's own run up to <paramref name="step"/>.</summary>
    private static void CheckBranch(TrainingConfig branch, TrainingConfig stem, string stemDirectory, long step)
    {
        if (branch.WarmupStableDecay is not { } wsd || stem.WarmupStableDecay is not { } stemWsd)
            throw new InputException($"{stemDirectory}: a branch and its stem both need a warmup-stable-decay schedule");
        string? why = null;
        if (wsd.DecayStart(branch.TotalSteps) != step) why = $"the branch's cool-down starts at step {wsd.DecayStart(branch.TotalSteps)}, not {step}";
        else if (step < wsd.WarmupSteps) why = $"step {step} is inside the warm-up ({wsd.WarmupSteps} steps)";
        else if (stemWsd.WarmupSteps != wsd.WarmupSteps) why = $"the stem warms up over {stemWsd.WarmupSteps} steps, the branch over {wsd.WarmupSteps}";
        else if (stemWsd.DecayStart(stem.TotalSteps) < step) why = $"the stem cools down from step {stemWsd.DecayStart(stem.TotalSteps)}, before step {step}";
        else if (stem.EvalInterval != branch.EvalInterval) why = $"the stem validates every {stem.EvalInterval} steps, the branch every {branch.EvalInterval}";
        else if (stem with
                 {
                     Tokens = branch.Tokens, WarmupStableDecay = wsd, FinalLearningRateFraction = branch.FinalLearningRateFraction, EvalEvery = branch.EvalEvery,
                     Threads = branch.Threads, Device = branch.Device,
                 } != branch)
            why = "the stem differs from the branch in shape, data, seed, batch or optimizer";
        if (why is not null) throw new InputException($"{stemDirectory}: not the stem of this branch: {why}");
    }

    /// <summary>
    /// Continues the run in <paramref name="runDirectory"/> from its last checkpoint; the result is bit-identical to
    /// an uninterrupted run. <paramref name="threads"/> and <paramref name="device"/> override where it runs. A
    /// completed run is returned as it is; a diverged one cannot be resumed.
    /// </summary>
    public static RunSummary Resume(string runDirectory, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default,
        int? threads = null, TrainingDevice? device = null, ITokenSource? source = null, IReadOnlySet<long>? keepCheckpointsAt = null)
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
        return run.Train(directory, checkpoint, progress, cancellationToken, keepCheckpointsAt);
    }
}
