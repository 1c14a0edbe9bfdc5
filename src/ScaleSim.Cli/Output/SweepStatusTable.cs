using System.Globalization;
using ScaleSim.Training.Sweeps.Cluster;
using Spectre.Console;

namespace ScaleSim.Cli.Output;

/// <summary>The table of <c>sweep status</c>: one row per run, then the counts.</summary>
internal static class SweepStatusTable
{
    public static void Render(CliContext context, SweepStatusReport report)
    {
        var table = new Table().PlainTitle($"{report.Experiment}: {report.Runs.Count} runs in {report.Directory}");
        table.AddColumn(new TableColumn("run").NoWrap());
        table.AddColumn("state");
        table.AddColumn(new TableColumn("steps").RightAligned());
        table.AddColumn("held by");
        table.AddColumn(new TableColumn("heartbeat").RightAligned());
        if (report.QueueConsulted) table.AddColumn("queue");
        table.AddColumn("note");
        foreach (var r in report.Runs)
        {
            var cells = new List<string>
            {
                r.Run,
                SweepStatusJson.StateName(r.State),
                string.Create(CultureInfo.InvariantCulture, $"{r.Step}/{r.TotalSteps}"),
                r.State is SweepRunState.Claimed or SweepRunState.Running ? r.Holder ?? "" : "",
                r.HeartbeatAgeSeconds is { } age ? string.Create(CultureInfo.InvariantCulture, $"{age:F0} s ago") : "",
            };
            if (report.QueueConsulted) cells.Add(r.QueueState ?? "");
            cells.Add(r.Note ?? "");
            table.AddPlainRow([.. cells]);
        }
        context.Console.Write(table);
        var c = report.Counts;
        context.Console.WriteLine($"{c.Pending} pending, {c.Claimed} claimed, {c.Running} running, {c.Completed} completed, {c.Diverged} diverged, {c.Failed} failed; runs.csv holds {report.TabledRuns}" +
            (report.QueueConsulted ? "" : " (squeue not available: the store alone)"));
    }
}
