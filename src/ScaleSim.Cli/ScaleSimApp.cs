using System.CommandLine;
using System.CommandLine.Parsing;
using ScaleSim.Fitting;

namespace ScaleSim.Cli;

/// <summary>
/// The <c>scalesim</c> entry point: builds the command tree, turns every failure into one line on stderr,
/// and maps it to an exit code (2 for bad input or usage, 4 for a fit that failed, 1 for anything unexpected).
/// </summary>
public static class ScaleSimApp
{
    /// <summary>Exit code for bad input, bad options or unreadable files.</summary>
    public const int InputError = 2;

    /// <summary>Exit code for an unexpected failure.</summary>
    public const int InternalError = 1;

    /// <summary>Exit code for a fit that failed numerically on valid input.</summary>
    public const int FitFailed = 4;

    /// <summary>Runs the command line against the given writers and returns the exit code.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        bool interactive = ReferenceEquals(stderr, System.Console.Error) && !System.Console.IsErrorRedirected;
        var context = new CliContext(stdout, stderr, interactive);
        var root = new RootCommand("ScaleSim: fit scaling laws, plan compute, and train tiny models to generate scaling data.");
        foreach (var command in CommandCatalog.Create(context)) root.Subcommands.Add(command);
        foreach (var version in root.Options.OfType<VersionOption>()) version.Action = new VersionAction();

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            stderr.WriteLine($"scalesim: error: {UsageError(parse)} (see '{CommandPath(parse.CommandResult)} --help')");
            return InputError;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (InputException e)
        {
            var command = parse.CommandResult.Command;
            stderr.WriteLine($"scalesim: error: {e.Rephrase(name => OptionNames.OptionFor(command, name))}");
            return InputError;
        }
        catch (FitFailedException e)
        {
            stderr.WriteLine($"scalesim: error: fit failed: {e.Message}");
            return FitFailed;
        }
        catch (OperationCanceledException)
        {
            stderr.WriteLine("scalesim: interrupted");
            return 130;
        }
        catch (Exception e)
        {
            stderr.WriteLine($"scalesim: internal error: {e.GetType().Name}: {e.Message}");
            return InternalError;
        }
    }

    /// <summary>
    /// The first usage error, naming what was not understood. Under a command that has subcommands, System.CommandLine
    /// reports a misspelt one as "Required command was not provided"; this names it and lists the commands instead.
    /// </summary>
    private static string UsageError(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        if (command.Subcommands.Count == 0) return parse.Errors[0].Message;
        string path = CommandPath(parse.CommandResult);
        string commands = string.Join(", ", command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name));
        return parse.UnmatchedTokens.FirstOrDefault() switch
        {
            { } token when token.StartsWith('-') => $"unknown option '{token}' for '{path}'",
            { } token => $"unknown command '{token}' for '{path}' (commands: {commands})",
            null when command.Action is null => $"'{path}' needs a command (commands: {commands})",
            null => parse.Errors[0].Message,
        };
    }

    /// <summary>The command as typed: <c>scalesim sweep plan</c>.</summary>
    private static string CommandPath(CommandResult result)
    {
        var names = new List<string>();
        for (SymbolResult? r = result; r is CommandResult c; r = c.Parent) names.Add(c.Parent is null ? "scalesim" : c.Command.Name);
        names.Reverse();
        return string.Join(' ', names);
    }
}
