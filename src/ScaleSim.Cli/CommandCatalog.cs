using System.CommandLine;
using ScaleSim.Cli.Commands;

namespace ScaleSim.Cli;

/// <summary>Every top-level command, in the order <c>scalesim --help</c> lists them. Adding a command is one line here.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> Create(CliContext context)
    {
        yield return SimulateCommand.Create(context);
        yield return ReplicateCommand.Create(context);
        yield return FitCommand.Create(context);
        yield return AnalyzeCommand.Create(context);
        yield return PlanCommand.Create(context);
        yield return CompareCommand.Create(context);
        yield return PredictCommand.Create(context);
        yield return ExplainCommand.Create(context);
        yield return TrainCommand.Create(context);
        yield return SweepCommand.Create(context);
        yield return TasksCommand.Create(context);
        yield return BenchCommand.Create(context);
    }
}
