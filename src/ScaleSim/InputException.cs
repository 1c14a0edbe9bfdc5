namespace ScaleSim;

/// <summary>
/// Bad user input: a missing file, a malformed value, an impossible option. The message is one line that
/// names the file, row, column or option at fault, ready to print as-is; the CLI maps it to exit code 2.
/// </summary>
public sealed class InputException : Exception
{
    /// <summary>Creates an input error with a one-line message.</summary>
    public InputException(string message) : base(message) { }

    /// <summary>Creates an input error caused by another exception (e.g. an I/O failure).</summary>
    public InputException(string message, Exception inner) : base(message, inner) { }
}
