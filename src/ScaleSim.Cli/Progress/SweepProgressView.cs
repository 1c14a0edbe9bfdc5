using System.Collections.Concurrent;
using ScaleSim.Experiments;
using ScaleSim.Training.Runs;
using ScaleSim.Training.Sweeps;
using Spectre.Console;

namespace ScaleSim.Cli.Progress;

/// <summary>
/// Shows a sweep while a library entry point runs it: on a terminal, a bar for the whole sweep and one per active run
/// (tokens, loss, tokens/s, time left); otherwise one line per finished run on stderr. Ctrl-C stops every active run at
/// its next step, leaving it resumable. The work runs on a worker thread and tells the view about the plan and the
/// runs (<see cref="ISimulationObserver"/>); the view draws until the sweep is over.
/// </summary>
internal sealed class SweepProgressView : ISimulationObserver, IProgress<SweepEvent>
{
    private readonly CliContext _context;
    private readonly bool _live;
    private readonly object _gate = new();
    private readonly ConcurrentDictionary<string, (PlannedRun Run, TrainingProgress Progress)> _latest = new();
    private readonly ConcurrentDictionary<string, RunOutcome> _done = new();
    private readonly ConcurrentQueue<string> _notes = new();
    private readonly ManualResetEventSlim _planned = new();
    private readonly ManualResetEventSlim _sweepOver = new();
    private SweepPlan? _plan;
    private string _directory = "";
    private int _finished;

    private SweepProgressView(CliContext context)
    {
        _context = context;
        _live = context.ErrorConsole.Profile.Capabilities.Interactive;
    }

    /// <summary>Runs <paramref name="work"/> with the view listening, and returns its result.</summary>
    public static T Show<T>(CliContext context, Func<SweepProgressView, CancellationToken, T> work)
    {
        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        var view = new SweepProgressView(context);
        try
        {
            if (!view._live) return work(view, cancel.Token);
            var task = Task.Run(() =>
            {
                try { return work(view, cancel.Token); }
                finally { view._sweepOver.Set(); view._planned.Set(); }
            });
            view._planned.Wait();
            if (view._plan is not null && !task.IsCompleted) view.Draw(task);
            while (view._notes.TryDequeue(out var note)) context.Warn(note);
            return task.GetAwaiter().GetResult();
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    /// <summary>Announces the sweep: <paramref name="headline"/> on stderr, then the plan's warnings.</summary>
    public void Begin(SweepPlan plan, string directory, string? headline)
    {
        _directory = directory;
        if (headline is not null) _context.Error.WriteLine(headline);
        foreach (var warning in plan.Warnings) _context.Warn(warning);
        _plan = plan;
        _planned.Set();
    }

    /// <inheritdoc />
    public void Planned(SweepPlan plan, SimulationOptions options)
    {
        int stems = plan.Runs.Count(r => r.Role == RunRole.Stem);
        string branches = stems == 0 ? "" : $" ({plan.Runs.Count - stems} of them branches of {stems} stems)";
        string what = plan.Experiment switch
        {
            SizeSweepExperiment sizes => $"{plan.Runs.Count} runs (widths {string.Join(", ", sizes.Widths)} at {(sizes.TokensPerParam is { } perParam ? $"{perParam:0.##} tokens per parameter" : $"{sizes.TokensPerRun:0.##e+0} tokens each")})",
            IsoFlopExperiment isoFlop => $"{plan.Runs.Count} runs at {isoFlop.Budgets.Length} budgets{branches}",
            _ => $"{plan.Runs.Count} runs{branches}",
        };
        Begin(plan, options.RunsDirectory, $"{plan.Experiment.Name}: {what}, {options.ParallelRuns} at once, into {options.RunsDirectory}");
    }

    /// <inheritdoc />
    public void Sweep(SweepEvent e) => Report(e);

    /// <inheritdoc />
    public void Stage(string description) => _sweepOver.Set();

    /// <inheritdoc />
    public void Report(SweepEvent e)
    {
        if (_live)
        {
            if (e.Note is not null) _notes.Enqueue($"{e.Run.Id}: {e.Note}");
            if (e.Outcome is { } outcome)
            {
                _done[e.Run.Id] = outcome;
                _latest.TryRemove(e.Run.Id, out _);
            }
            else _latest[e.Run.Id] = (e.Run, e.Progress);
            return;
        }
        if (e.Outcome is null && e.Note is not null) lock (_gate) _context.Warn(e.Note);
        if (e.Outcome is not { } finished) return;
        lock (_gate)
        {
            _finished++;
            var summary = SweepRunner.CompletedSummary(Path.Combine(_directory, e.Run.Id));
            string loss = summary?.FinalValidationLoss is { } l ? $", validation loss {l:F4}" : "";
            _context.Error.WriteLine($"[{_finished}/{_plan?.Runs.Count}] {e.Run.Id}: {Describe(finished)}{loss}{(e.Note is null ? "" : $" ({e.Note})")}");
        }
    }

    /// <summary>How a run's outcome reads in progress lines and summaries.</summary>
    public static string Describe(RunOutcome outcome) => outcome switch
    {
        RunOutcome.AlreadyCompleted => "already completed",
        RunOutcome.Trained => "trained",
        RunOutcome.Resumed => "resumed and completed",
        RunOutcome.Retrained => "retrained (its directory was unusable)",
        RunOutcome.Diverged => "DIVERGED (not retried)",
        RunOutcome.Interrupted => "interrupted (resumable)",
        RunOutcome.Pending => "not completed (left to the sweep's workers)",
        _ => "busy (held by another sweep process or worker)",
    };

    private void Draw(Task work)
    {
        var plan = _plan!;
        // A branch costs its cool-down only; its progress counts from the step it started at.
        double totalFlops = plan.Runs.Sum(r => r.OwnFlops);
        _context.ErrorConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(view =>
            {
                var overall = view.AddTask($"sweep: {plan.Runs.Count} runs", maxValue: totalFlops);
                var bars = new Dictionary<string, ProgressTask>();
                while (!_sweepOver.IsSet && !work.IsCompleted)
                {
                    _sweepOver.Wait(250);
                    double flopsDone = plan.Runs.Where(r => _done.ContainsKey(r.Id)).Sum(r => r.OwnFlops);
                    foreach (var (id, (run, p)) in _latest)
                    {
                        if (!bars.TryGetValue(id, out var bar)) bars[id] = bar = view.AddTask(id, maxValue: Math.Max(1, p.TotalTokens));
                        bar.MaxValue = Math.Max(1, p.TotalTokens);
                        bar.Value = p.Tokens;
                        bar.Description = $"{id}  loss {p.TrainLoss:F3}  {p.TokensPerSecond / 1e3:F0}K tok/s";
                        double start = (run.BranchStep ?? 0) * (double)run.Batch * run.Model.Context;
                        flopsDone += run.OwnFlops * Math.Max(0, p.Tokens - start) / Math.Max(1.0, p.TotalTokens - start);
                    }
                    foreach (var id in bars.Keys.Where(_done.ContainsKey).ToList())
                    {
                        bars[id].Value = bars[id].MaxValue;
                        bars[id].Description = $"{id}  {Describe(_done[id])}";
                        bars[id].StopTask();
                        bars.Remove(id);
                    }
                    overall.Value = flopsDone;
                    overall.Description = $"sweep: {_done.Count}/{plan.Runs.Count} runs";
                }
                overall.Value = totalFlops;
            });
    }
}
