using ScaleSim.Runs;

namespace ScaleSim.Cli.Commands;

/// <summary>A table argument: a file, or <c>-</c> for standard input, named <c>&lt;stdin&gt;</c> in error messages.</summary>
internal static class TableInput
{
    /// <summary>What a table read from standard input is called in messages and results.</summary>
    public const string StdinName = "<stdin>";

    /// <summary>Whether <paramref name="path"/> asks for standard input.</summary>
    public static bool IsStdin(string path) => path == "-";

    /// <summary>The table at <paramref name="path"/>, or standard input's for <c>-</c>.</summary>
    public static RawTable Read(CliContext context, string path) =>
        IsStdin(path) ? RawTable.Read(context.In, StdinName) : RawTable.Read(path);
}
