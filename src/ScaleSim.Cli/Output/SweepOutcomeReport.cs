using ScaleSim.Cli.Progress;
using ScaleSim.Training.Sweeps;

namespace ScaleSim.Cli.Output;

/// <summary>The closing lines of a sweep on stderr, and the exit code they stand for.</summary>
internal static class SweepOutcomeReport
{
    /// <summary>Exit code when some run diverged.</summary>
    public const int Diverged = 3;

    /// <summary>Exit code when the sweep was interrupted.</summary>
    public const int Interrupted = 130;

    /// <summary>Summarises outcomes; the exit code is 0 when every run completed, 3 when some diverged, 130 when interrupted or left unfinished.</summary>
    public static int Write(CliContext context, IReadOnlyList<(PlannedRun Run, RunOutcome Outcome)> outcomes, string directory)
    {
        var counts = outcomes.GroupBy(o => o.Outcome).OrderBy(g => g.Key).Select(g => $"{g.Count()} {SweepProgressView.Describe(g.Key)}");
        context.Error.WriteLine($"{directory}: {string.Join(", ", counts)}; runs.csv and curves.csv hold the completed runs");
        foreach (var (r, _) in outcomes.Where(o => o.Outcome == RunOutcome.Diverged))
            context.Warn($"{r.Id} diverged; see {Path.Combine(directory, r.Id, "summary.json")} (delete the directory to retry it)");
        // Runs held by other workers (or left to them) leave this sweep unfinished, like an interruption.
        if (outcomes.Any(o => o.Outcome is RunOutcome.Interrupted or RunOutcome.Busy or RunOutcome.Pending)) return Interrupted;
        return outcomes.Any(o => o.Outcome == RunOutcome.Diverged) ? Diverged : 0;
    }
}
