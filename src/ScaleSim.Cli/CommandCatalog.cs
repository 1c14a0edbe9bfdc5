using System.CommandLine;

namespace ScaleSim.Cli;

/// <summary>Every top-level command, in the order <c>scalesim --help</c> lists them.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> Create(CliContext context)
    {
        yield break;
    }
}
