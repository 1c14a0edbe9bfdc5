using System.Globalization;

namespace ScaleSim;

/// <summary>
/// Bad input: a missing file, a malformed value, an impossible parameter. The message is one line that names the file,
/// row, column, field or parameter at fault in the library's own terms, ready to print as-is. A message built with
/// <see cref="About"/> also knows which of its words are parameter names (<see cref="InputName"/>), so a caller that
/// knows those parameters by other names (a command line's options) can say it in its own terms with <see cref="Rephrase"/>.
/// </summary>
public sealed class InputException : Exception
{
    private readonly string? _format;
    private readonly object?[] _arguments = [];

    /// <summary>Creates an input error with a one-line message.</summary>
    public InputException(string message) : base(message) { }

    /// <summary>Creates an input error caused by another exception (e.g. an I/O failure).</summary>
    public InputException(string message, Exception inner) : base(message, inner) { }

    private InputException(FormattableString message, Exception? inner)
        : base(message.ToString(CultureInfo.InvariantCulture), inner)
    {
        _format = message.Format;
        _arguments = message.GetArguments();
    }

    /// <summary>
    /// An error whose message names parameters: every <see cref="InputName"/> interpolated into
    /// <paramref name="message"/> is a parameter as the library calls it, e.g.
    /// <c>InputException.About($"{InputName.Of("tokens")} must be positive, got {tokens}")</c>.
    /// </summary>
    public static InputException About(FormattableString message, Exception? inner = null) => new(message, inner);

    /// <summary>The parameters the message names, in the library's terms.</summary>
    public IReadOnlyList<string> Parameters => _arguments.OfType<InputName>().Select(n => n.Name).ToList();

    /// <summary>
    /// The message with each parameter it names replaced by <paramref name="rename"/>'s name for it (kept as it is
    /// where <paramref name="rename"/> returns null).
    /// </summary>
    public string Rephrase(Func<string, string?> rename)
    {
        if (_format is null) return Message;
        var arguments = _arguments.Select(a => a is InputName n ? rename(n.Name) ?? n.Name : a).ToArray();
        return string.Format(CultureInfo.InvariantCulture, _format, arguments);
    }
}
