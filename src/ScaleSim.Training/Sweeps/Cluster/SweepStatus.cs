using System.Globalization;
using System.Text.Json;
using ScaleSim.Training.Runs;
using ScaleSim.Training.Sweeps.Claims;

namespace ScaleSim.Training.Sweeps.Cluster;

/// <summary>
/// Reads where every run of a sweep stands from its store — the run directories and the claims — and, with a
/// scheduler's queue, which of the waiting runs have a task queued for them. Reads only; safe while workers run.
/// </summary>
public static class SweepStatus
{
    /// <summary>The status of <paramref name="plan"/>'s runs in <paramref name="directory"/>.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="directory">The sweep directory.</param>
    /// <param name="claimOptions">The stale time and the queue (<see cref="ClaimOptions.Queue"/>), as the workers judge claims.</param>
    public static SweepStatusReport Read(SweepPlan plan, string directory, ClaimOptions claimOptions)
    {
        if (!Directory.Exists(directory)) throw new InputException($"{directory}: no such sweep directory (nothing was submitted or run into it)");
        var store = new SweepStore(directory);
        var queue = claimOptions.Queue;
        var queued = queue is null ? null : QueuedTasks(plan, store, queue);
        var me = ClaimOwner.Current();
        var now = DateTimeOffset.UtcNow;
        var rows = new List<RunStatusRow>();
        for (int i = 0; i < plan.Runs.Count; i++)
        {
            var run = plan.Runs[i];
            string path = store.RunPath(run.Id);
            var (state, step, note) = FromDirectory(path, run);
            var claim = RunClaim.Current(directory, run.Id, out var claimPath);
            string? holder = claim?.Owner.ToString();
            double? heartbeat = null;
            string? queueState = null;
            if (state == SweepRunState.Pending && claimPath is not null)
            {
                var judgement = RunClaim.Judge(claim, claimPath, me with { Scheduler = null, Task = null }, claimOptions, now);
                if (!judgement.Takeable)
                {
                    state = claim?.State == ClaimState.Training ? SweepRunState.Running : SweepRunState.Claimed;
                    heartbeat = claim is null ? null : (now - claim.HeartbeatAt).TotalSeconds;
                }
                else if (claim is { State: ClaimState.Released, Outcome: ClaimRecord.FailedOutcome })
                {
                    state = SweepRunState.Failed;
                    note = claim.Message;
                }
                else if (judgement.Stale)
                {
                    note = $"stale claim, the next worker takes it over: {judgement.Reason}";
                }
            }
            if (queue is not null && state is not (SweepRunState.Completed or SweepRunState.Diverged))
            {
                if (claim?.State != ClaimState.Released && claim?.Owner.Scheduler == queue.Scheduler && claim.Owner.Task is { } task && state != SweepRunState.Pending)
                    queueState = queue.Lookup(task).State;
                else if (queued!.TryGetValue(i, out var submitted))
                    queueState = $"{submitted.State} ({submitted.Task})";
            }
            rows.Add(new RunStatusRow(run.Id, i, state, step, run.Steps, holder, heartbeat, queueState, note));
        }
        int tabled = 0;
        string runsPath = Path.Combine(directory, SweepResults.RunsFile);
        if (File.Exists(runsPath)) tabled = Math.Max(0, File.ReadLines(runsPath).Count() - 1);
        return new SweepStatusReport(plan.Experiment.Name, directory, SweepStatusCounts.Of(rows), rows, queue is not null, tabled);
    }

    private static (SweepRunState State, long Step, string? Note) FromDirectory(string path, PlannedRun run)
    {
        if (!Directory.Exists(path)) return (SweepRunState.Pending, 0, null);
        try
        {
            var summary = RunDirectory.Open(path).ReadSummary();
            if (summary?.Status == RunStatus.Completed && File.Exists(Path.Combine(path, "metrics.csv"))) return (SweepRunState.Completed, summary.Steps, null);
            if (summary?.Status == RunStatus.Diverged) return (SweepRunState.Diverged, summary.Steps, summary.Message);
            return (SweepRunState.Pending, LastStep(Path.Combine(path, "metrics.csv")), summary?.Message);
        }
        catch (Exception e) when (e is InputException or JsonException or IOException)
        {
            return (SweepRunState.Pending, 0, $"unreadable run directory ({e.Message}); the next worker retrains it");
        }
    }

    // The step of metrics.csv's last row: the last checkpoint's, since both are written at each validation.
    private static long LastStep(string metrics)
    {
        if (!File.Exists(metrics)) return 0;
        var last = File.ReadLines(metrics).Skip(1).LastOrDefault(l => l.Length > 0);
        return last is not null && long.TryParse(last.Split(',')[0], NumberStyles.None, CultureInfo.InvariantCulture, out long step) ? step : 0;
    }

    // For each plan index, the newest submitted task holding it that is still in the queue (submissions list task
    // indices of the plan's tasks: a run, or a stem and its branches).
    private static Dictionary<int, (string Task, string State)> QueuedTasks(SweepPlan plan, SweepStore store, IJobQueue queue)
    {
        var index = plan.Runs.Select((r, i) => (r.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var runsOfTask = plan.Tasks.Select(t => t.Runs.Select(r => index[r.Id]).ToList()).ToList();
        var queued = new Dictionary<int, (string, string)>();
        foreach (var (job, indices) in store.Submissions())
        {
            var tasks = queue.TasksOf(job);
            if (tasks is null) continue;
            foreach (int i in indices)
            {
                string task = $"{job}_{i}";
                if (i < runsOfTask.Count && tasks.TryGetValue(task, out var state))
                    foreach (int run in runsOfTask[i]) queued[run] = (task, state);
            }
        }
        return queued;
    }
}
