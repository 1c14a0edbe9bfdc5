using Microsoft.Data.Analysis;
using ScaleSim.Laws;

namespace ScaleSim.Tasks;

/// <summary>
/// Task results as a typed table: model, scale, task, metric and score per row, with the optional chance level,
/// number of examples, partial-credit score and task loss, and every other column of the file, in a
/// <see cref="DataFrame"/>. Any source of <see cref="TaskObservation"/>s can become one (<see cref="FromObservations"/>),
/// so results of ScaleSim's own trained models flow into the same analysis as published tables.
/// </summary>
public sealed class TaskTable
{
    internal TaskTable(string source, ScaleVariable scaleKind, IReadOnlyList<TaskObservation> rows, DataFrame frame, IReadOnlyList<string> warnings)
    {
        Source = source;
        ScaleKind = scaleKind;
        Rows = rows;
        Frame = frame;
        Warnings = warnings;
    }

    /// <summary>Where the results came from (a file name), used in messages.</summary>
    public string Source { get; }

    /// <summary>What the scale column holds.</summary>
    public ScaleVariable ScaleKind { get; }

    /// <summary>The rows, in file order.</summary>
    public IReadOnlyList<TaskObservation> Rows { get; }

    /// <summary>
    /// All columns: model, scale, task, metric, score, chance, examples, partial_credit, loss (double columns, missing
    /// values null), direction (higher or lower), then the file's other columns.
    /// </summary>
    public DataFrame Frame { get; }

    /// <summary>Non-fatal findings, such as a model listed twice for a task.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Number of rows.</summary>
    public int Count => Rows.Count;

    /// <summary>A table of observations made in code (e.g. evaluations of trained models), with no extra columns.</summary>
    public static TaskTable FromObservations(string source, ScaleVariable scaleKind, IEnumerable<TaskObservation> observations)
    {
        var rows = observations.ToList();
        if (rows.Count == 0) throw new InputException($"{source}: no task results");
        return new TaskTable(source, scaleKind, rows, TaskTableLoader.Frame(rows), []);
    }

    /// <summary>The distinct tasks, in first-seen order.</summary>
    public IReadOnlyList<string> Tasks => Rows.Select(r => r.Task).Distinct().ToList();

    /// <summary>
    /// One curve per (task, metric), in first-seen order, optionally only for one task and one metric. Throws
    /// <see cref="InputException"/> naming the choices when a requested task or metric is absent.
    /// </summary>
    public IReadOnlyList<TaskCurve> Curves(string? task = null, string? metric = null)
    {
        var rows = Rows.AsEnumerable();
        if (task is not null)
        {
            rows = rows.Where(r => r.Task == task).ToList();
            if (!rows.Any()) throw new InputException($"{Source}: no task '{task}' (tasks are {string.Join(", ", Tasks)})");
        }
        if (metric is not null)
        {
            var metrics = rows.Select(r => r.Metric).Distinct().ToList();
            rows = rows.Where(r => r.Metric == metric).ToList();
            if (!rows.Any()) throw new InputException($"{Source}: no metric '{metric}'{(task is null ? "" : $" for task '{task}'")} (metrics are {string.Join(", ", metrics)})");
        }
        return rows.GroupBy(r => (r.Task, r.Metric)).Select(g => new TaskCurve(Source, ScaleKind, g)).ToList();
    }
}
