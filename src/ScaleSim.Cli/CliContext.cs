using Spectre.Console;

namespace ScaleSim.Cli;

/// <summary>
/// Where a command writes. Tables and reports go to <see cref="Out"/>; progress bars, warnings and errors go to
/// <see cref="Error"/>, so that <c>--json</c> output on stdout stays machine-readable.
/// </summary>
public sealed class CliContext
{
    /// <summary>
    /// Creates a context over two writers; <paramref name="interactive"/> enables live progress bars;
    /// <paramref name="stdin"/> is what a table given as <c>-</c> is read from (the console's by default).
    /// </summary>
    public CliContext(TextWriter stdout, TextWriter stderr, bool interactive = false, int width = 120, TextReader? stdin = null)
    {
        In = stdin ?? System.Console.In;
        Out = stdout;
        Error = stderr;
        Console = CreateConsole(stdout, interactive: false, width);
        ErrorConsole = CreateConsole(stderr, interactive, width);
    }

    /// <summary>Standard input, read when a command is given <c>-</c> for its table.</summary>
    public TextReader In { get; }

    /// <summary>Standard output.</summary>
    public TextWriter Out { get; }

    /// <summary>Standard error.</summary>
    public TextWriter Error { get; }

    /// <summary>A Spectre console over standard output, for tables.</summary>
    public IAnsiConsole Console { get; }

    /// <summary>A Spectre console over standard error, for progress bars.</summary>
    public IAnsiConsole ErrorConsole { get; }

    /// <summary>Writes a one-line warning to standard error.</summary>
    public void Warn(string message) => Error.WriteLine($"scalesim: warning: {message}");

    private static IAnsiConsole CreateConsole(TextWriter writer, bool interactive, int width)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
        });
        console.Profile.Width = width;
        return console;
    }
}
