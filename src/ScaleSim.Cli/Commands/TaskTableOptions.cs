using System.CommandLine;
using ScaleSim.Laws;
using ScaleSim.Tasks;

namespace ScaleSim.Cli.Commands;

/// <summary>The options that say how to read a task table: which scale, and column names when they are unusual.</summary>
internal sealed class TaskTableOptions
{
    public Option<string?> Scale { get; } = new("--scale") { Description = "What the scale is: params, flops or tokens (default: whichever column the table has, in that order)." };
    public Option<string?> ScaleColumn { get; } = new("--scale-column") { Description = "Column holding the scale (default: params/N, flops/C, tokens/D, or scale with --scale)." };
    public Option<string?> Score { get; } = new("--score") { Description = "Column holding the score, a fraction in [0, 1], or the loss of a loss table (default: score, value, accuracy; for losses also loss, task_loss, nll)." };
    public Option<string?> TaskColumn { get; } = new("--task-column") { Description = "Column naming the task (default: task, benchmark, dataset; a table with no task and no metric column is read as one column per task)." };
    public Option<bool> Percent { get; } = new("--percent") { Description = "Scores, chance levels and partial credit are percentages (0-100), as papers print them." };

    public void AddTo(Command command)
    {
        command.Options.Add(Scale);
        command.Options.Add(ScaleColumn);
        command.Options.Add(Score);
        command.Options.Add(TaskColumn);
        command.Options.Add(Percent);
    }

    public TaskTable Load(ParseResult parse, string file, CliContext context, ScaleVariable? defaultKind = null, MetricDirection? direction = null)
    {
        var kind = parse.GetValue(Scale) is { } text ? TaskColumns.ParseKind(text) : defaultKind;
        var columns = new TaskColumns(kind, parse.GetValue(ScaleColumn), parse.GetValue(Score), Task: parse.GetValue(TaskColumn), Direction: direction, Percent: parse.GetValue(Percent));
        var table = TaskTableLoader.FromRaw(TableInput.Read(context, file), columns);
        foreach (var warning in table.Warnings) context.Warn(warning);
        return table;
    }
}
