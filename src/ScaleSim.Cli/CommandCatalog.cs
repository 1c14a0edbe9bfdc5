using System.CommandLine;
using ScaleSim.Cli.Commands;

namespace ScaleSim.Cli;

/// <summary>Every top-level command, in the order <c>scalesim --help</c> lists them. Adding a command is one line here.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> Create(CliContext context)
    {
        yield return TrainCommand.Create(context);
        yield return BenchCommand.Create(context);
    }
}
