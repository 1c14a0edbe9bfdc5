using System.CommandLine;

namespace ScaleSim.Cli.Commands;

/// <summary><c>scalesim tasks …</c>: task-scaling analysis (fit and classify curves, metric artifacts, two-step forecasts, published data).</summary>
internal static class TasksCommand
{
    public static Command Create(CliContext context)
    {
        var tasks = new Command("tasks", "Task-scaling analysis: fit and classify task curves, metric artifacts, two-step forecasts, published data.");
        tasks.Subcommands.Add(TasksFitCommand.Create(context));
        tasks.Subcommands.Add(TasksArtifactCommand.Create(context));
        tasks.Subcommands.Add(TasksPredictCommand.Create(context));
        tasks.Subcommands.Add(TasksPublishedCommand.Create(context));
        tasks.Subcommands.Add(TasksSyntheticCommand.Create(context));
        return tasks;
    }
}
