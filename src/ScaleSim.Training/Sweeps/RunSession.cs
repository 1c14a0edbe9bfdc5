using System.Text.Json;
using ScaleSim.Training.Backends;
using ScaleSim.Training.Data;
using ScaleSim.Training.Runs;
using ScaleSim.Training.Sweeps.Claims;

namespace ScaleSim.Training.Sweeps;

/// <summary>
/// One session of one run of a sweep, as both the in-process <see cref="SweepRunner"/> and a cluster worker run it:
/// claim the run, look at what its directory holds, then train, resume or retrain it while the claim's heartbeat runs,
/// and release the claim saying how it ended. A completed or diverged run is left alone; a run another worker holds is
/// reported busy; a claim lost to a takeover stops training at the next step without writing anything more. A stem
/// keeps the checkpoints its branches start from; a branch starts from its stem's checkpoint when the stem has kept it,
/// waits (busy) while the stem is still being trained elsewhere, and is trained from scratch — the same run, at full
/// cost — when the stem ended without that checkpoint.
/// </summary>
internal static class RunSession
{
    public static RunSessionResult Run(SweepPlan plan, PlannedRun run, string directory, ITokenSource source, ClaimOwner owner, ClaimOptions claimOptions,
        IProgress<SweepEvent>? progress, CancellationToken cancellationToken, TrainingDevice device = TrainingDevice.Auto)
    {
        string path = Path.Combine(directory, run.Id);
        var config = run.ToConfig(plan.Experiment) with { Device = device };
        // Finished runs need no claim: their directories are never written again.
        if (Finished(path, config) is { } finished)
        {
            progress?.Report(new SweepEvent(run, default, finished.State, finished.Note));
            return new RunSessionResult(run, finished.State, finished.Steps, finished.Steps, null, finished.Note);
        }

        var attempt = RunClaim.TryAcquire(directory, run.Id, owner, claimOptions);
        if (attempt.Claim is null)
        {
            progress?.Report(new SweepEvent(run, default, RunOutcome.Busy, attempt.Note));
            return new RunSessionResult(run, RunOutcome.Busy, 0, 0, null, attempt.Note);
        }
        using var claim = attempt.Claim;
        int generation = claim.Record.Generation;
        try
        {
            // Looked at again under the claim: another worker may have finished it since.
            var (state, note) = Inspect(path, config);
            note = Join(attempt.Note, note);
            if (state is RunOutcome.AlreadyCompleted or RunOutcome.Diverged)
            {
                long steps = Finished(path, config)?.Steps ?? 0;
                claim.Release(Name(state), note);
                progress?.Report(new SweepEvent(run, default, state, note));
                return new RunSessionResult(run, state, steps, steps, generation, note);
            }
            if (state == RunOutcome.Retrained) Directory.Delete(path, recursive: true);

            // A branch not started yet needs its stem's checkpoint, or the stem finished without one.
            string? stemCheckpoint = null;
            if (run.IsBranch && state != RunOutcome.Resumed)
            {
                string stemPath = Path.Combine(directory, run.Stem!);
                stemCheckpoint = RunDirectory.StepCheckpointPathOf(stemPath, run.BranchStep!.Value);
                if (!File.Exists(stemCheckpoint))
                {
                    stemCheckpoint = null;
                    if (Inspect(stemPath, null).State is not (RunOutcome.AlreadyCompleted or RunOutcome.Diverged))
                    {
                        string wait = $"waits for its stem {run.Stem} to reach step {run.BranchStep}";
                        claim.Release(Name(RunOutcome.Busy), wait);
                        progress?.Report(new SweepEvent(run, default, RunOutcome.Busy, wait));
                        return new RunSessionResult(run, RunOutcome.Busy, 0, 0, generation, Join(note, wait));
                    }
                    note = Join(note, $"its stem {run.Stem} kept no checkpoint of step {run.BranchStep}; training the branch from scratch");
                }
            }

            claim.MarkTraining();
            progress?.Report(new SweepEvent(run, default, null, note));
            long firstStep = -1;
            var reporter = new StepReporter(p =>
            {
                // On the training thread, between steps: a lost claim stops the run before it writes again.
                claim.ThrowIfLost();
                if (firstStep < 0) firstStep = p.Step - 1;
                progress?.Report(new SweepEvent(run, p, null));
            });
            var keep = run.BranchSteps.Count > 0 ? run.BranchSteps.ToHashSet() : null;
            RunSummary summary;
            if (state == RunOutcome.Resumed)
            {
                try
                {
                    summary = Trainer.Resume(path, reporter, cancellationToken, device: device, source: source, keepCheckpointsAt: keep);
                }
                catch (Exception e) when (e is InputException or IOException or InvalidDataException or EndOfStreamException)
                {
                    // A checkpoint that cannot be read is no result: start the run again.
                    note = Join(note, $"{path}: cannot resume ({e.Message}); retraining");
                    progress?.Report(new SweepEvent(run, default, null, note));
                    Directory.Delete(path, recursive: true);
                    state = RunOutcome.Retrained;
                    firstStep = -1;
                    summary = Trainer.Run(config, path, reporter, cancellationToken, source, keep);
                }
            }
            else if (stemCheckpoint is not null)
            {
                try
                {
                    summary = Trainer.Branch(config, path, Path.Combine(directory, run.Stem!), run.BranchStep!.Value, reporter, cancellationToken, source);
                }
                catch (InputException e)
                {
                    // A stem that is not this branch's run (another plan's) or an unreadable checkpoint: the branch
                    // trained from scratch is the same run.
                    note = Join(note, $"cannot branch from {run.Stem} ({e.Message}); training from scratch");
                    progress?.Report(new SweepEvent(run, default, null, note));
                    if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
                    firstStep = -1;
                    summary = Trainer.Run(config, path, reporter, cancellationToken, source);
                }
            }
            else
            {
                summary = Trainer.Run(config, path, reporter, cancellationToken, source, keep);
            }
            var outcome = summary.Status switch
            {
                RunStatus.Completed => state,
                RunStatus.Diverged => RunOutcome.Diverged,
                _ => RunOutcome.Interrupted,
            };
            claim.Release(Name(outcome), summary.Message);
            progress?.Report(new SweepEvent(run, default, outcome, summary.Message));
            return new RunSessionResult(run, outcome, firstStep < 0 ? summary.Steps : firstStep, summary.Steps, generation, Join(note, summary.Message));
        }
        catch (ClaimLostException lost)
        {
            string why = $"stopped: {lost.Message}";
            progress?.Report(new SweepEvent(run, default, RunOutcome.Busy, why));
            return new RunSessionResult(run, RunOutcome.Busy, 0, 0, generation, why);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Said in the claim, so a status shows why the run stopped; the next worker claims it as usual.
            try { claim.Release(ClaimRecord.FailedOutcome, $"{e.GetType().Name}: {e.Message}"); }
            catch (IOException) { }
            throw;
        }
    }

    /// <summary>The name a released claim gives an outcome.</summary>
    public static string Name(RunOutcome outcome) => JsonNamingPolicy.SnakeCaseLower.ConvertName(outcome.ToString());

    /// <summary>
    /// What the directory holds: nothing (train), a completed or diverged run of this config, an interrupted one of this
    /// config (resume), or something else — unreadable files or another config — which is retrained.
    /// </summary>
    public static (RunOutcome State, string? Note) Inspect(string path, TrainingConfig? config)
    {
        if (!Directory.Exists(path)) return (RunOutcome.Trained, null);
        try
        {
            var directory = RunDirectory.Open(path);
            var stored = directory.ReadConfig();
            if (config is not null && stored with { Threads = config.Threads, Device = config.Device } != config)
                return (RunOutcome.Retrained, $"{path}: config.json differs from the plan; retraining");
            var summary = directory.ReadSummary();
            return summary?.Status switch
            {
                RunStatus.Completed when File.Exists(directory.MetricsPath) => (RunOutcome.AlreadyCompleted, null),
                RunStatus.Completed => (RunOutcome.Retrained, $"{path}: completed but metrics.csv is missing; retraining"),
                RunStatus.Diverged => (RunOutcome.Diverged, summary.Message ?? "diverged in an earlier session"),
                _ when File.Exists(directory.CheckpointPath) => (RunOutcome.Resumed, null),
                _ => (RunOutcome.Retrained, $"{path}: no checkpoint to resume from; retraining"),
            };
        }
        catch (Exception e) when (e is InputException or JsonException or IOException)
        {
            return (RunOutcome.Retrained, $"{path}: unreadable run directory ({e.Message}); retraining");
        }
    }

    private static (RunOutcome State, string? Note, long Steps)? Finished(string path, TrainingConfig config)
    {
        var (state, note) = Inspect(path, config);
        if (state is not (RunOutcome.AlreadyCompleted or RunOutcome.Diverged)) return null;
        long steps;
        try { steps = RunDirectory.Open(path).ReadSummary()?.Steps ?? 0; }
        catch (Exception e) when (e is InputException or JsonException or IOException) { steps = 0; }
        return (state, note, steps);
    }

    private static string? Join(string? a, string? b) => a is null ? b : b is null ? a : $"{a}; {b}";

    private sealed class StepReporter(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
