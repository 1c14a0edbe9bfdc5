using System.Collections.Concurrent;
using ScaleSim.Training.Runs;
using ScaleSim.Training.Sweeps;
using Spectre.Console;

namespace ScaleSim.Cli.Progress;

/// <summary>
/// Runs a sweep while showing it: on a terminal, a bar for the whole sweep and one per active run (tokens, loss,
/// tokens/s, time left); otherwise one line per finished run on stderr. Ctrl-C stops every active run at its next step,
/// leaving it resumable.
/// </summary>
internal static class SweepProgressView
{
    public static IReadOnlyList<(PlannedRun Run, RunOutcome Outcome)> Run(CliContext context, SweepPlan plan, string directory, int parallel)
    {
        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            return context.ErrorConsole.Profile.Capabilities.Interactive
                ? Live(context, plan, directory, parallel, cancel.Token)
                : Lines(context, plan, directory, parallel, cancel.Token);
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    private static IReadOnlyList<(PlannedRun, RunOutcome)> Lines(CliContext context, SweepPlan plan, string directory, int parallel, CancellationToken token)
    {
        int finished = 0;
        var gate = new object();
        var progress = new Reporter(e =>
        {
            if (e.Outcome is null && e.Note is not null) lock (gate) context.Warn(e.Note);
            if (e.Outcome is not { } outcome) return;
            lock (gate)
            {
                finished++;
                var summary = SweepRunner.CompletedSummary(Path.Combine(directory, e.Run.Id));
                string loss = summary?.FinalValidationLoss is { } l ? $", validation loss {l:F4}" : "";
                context.Error.WriteLine($"[{finished}/{plan.Runs.Count}] {e.Run.Id}: {Describe(outcome)}{loss}{(e.Note is null ? "" : $" ({e.Note})")}");
            }
        });
        return SweepRunner.Run(plan, directory, parallel, progress, token);
    }

    private static IReadOnlyList<(PlannedRun, RunOutcome)> Live(CliContext context, SweepPlan plan, string directory, int parallel, CancellationToken token)
    {
        var latest = new ConcurrentDictionary<string, (PlannedRun Run, TrainingProgress Progress)>();
        var done = new ConcurrentDictionary<string, RunOutcome>();
        var notes = new ConcurrentQueue<string>();
        var progress = new Reporter(e =>
        {
            if (e.Note is not null) notes.Enqueue($"{e.Run.Id}: {e.Note}");
            if (e.Outcome is { } outcome)
            {
                done[e.Run.Id] = outcome;
                latest.TryRemove(e.Run.Id, out _);
            }
            else latest[e.Run.Id] = (e.Run, e.Progress);
        });
        double totalFlops = plan.Runs.Sum(r => r.Flops);
        IReadOnlyList<(PlannedRun, RunOutcome)> result = [];
        context.ErrorConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(view =>
            {
                var overall = view.AddTask($"sweep: {plan.Runs.Count} runs", maxValue: totalFlops);
                var bars = new Dictionary<string, ProgressTask>();
                var work = Task.Run(() => result = SweepRunner.Run(plan, directory, parallel, progress, token));
                while (!work.IsCompleted)
                {
                    work.Wait(250);
                    double flopsDone = plan.Runs.Where(r => done.ContainsKey(r.Id)).Sum(r => r.Flops);
                    foreach (var (id, (run, p)) in latest)
                    {
                        if (!bars.TryGetValue(id, out var bar)) bars[id] = bar = view.AddTask(id, maxValue: Math.Max(1, p.TotalTokens));
                        bar.MaxValue = Math.Max(1, p.TotalTokens);
                        bar.Value = p.Tokens;
                        bar.Description = $"{id}  loss {p.TrainLoss:F3}  {p.TokensPerSecond / 1e3:F0}K tok/s";
                        flopsDone += run.Flops * p.Tokens / Math.Max(1.0, p.TotalTokens);
                    }
                    foreach (var id in bars.Keys.Where(done.ContainsKey).ToList())
                    {
                        bars[id].Value = bars[id].MaxValue;
                        bars[id].Description = $"{id}  {Describe(done[id])}";
                        bars[id].StopTask();
                        bars.Remove(id);
                    }
                    overall.Value = flopsDone;
                    overall.Description = $"sweep: {done.Count}/{plan.Runs.Count} runs";
                }
                overall.Value = totalFlops;
                work.GetAwaiter().GetResult();
            });
        while (notes.TryDequeue(out var note)) context.Warn(note);
        return result;
    }

    public static string Describe(RunOutcome outcome) => outcome switch
    {
        RunOutcome.AlreadyCompleted => "already completed",
        RunOutcome.Trained => "trained",
        RunOutcome.Resumed => "resumed and completed",
        RunOutcome.Retrained => "retrained (its directory was unusable)",
        RunOutcome.Diverged => "DIVERGED (not retried)",
        RunOutcome.Interrupted => "interrupted (resumable)",
        _ => "busy in another sweep process",
    };

    private sealed class Reporter(Action<SweepEvent> report) : IProgress<SweepEvent>
    {
        public void Report(SweepEvent value) => report(value);
    }
}
