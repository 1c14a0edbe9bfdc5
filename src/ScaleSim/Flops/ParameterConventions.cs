namespace ScaleSim.Flops;

/// <summary>Names for <see cref="ParameterConvention"/> on the command line and in output.</summary>
public static class ParameterConventions
{
    /// <summary>The command-line and JSON name: <c>total</c> or <c>non-embedding</c>.</summary>
    public static string Name(this ParameterConvention convention) =>
        convention == ParameterConvention.Total ? "total" : "non-embedding";

    /// <summary>Parses <c>total</c> or <c>non-embedding</c>; throws <see cref="InputException"/> naming the option otherwise.</summary>
    public static ParameterConvention Parse(string text, string option) => text.ToLowerInvariant() switch
    {
        "total" => ParameterConvention.Total,
        "non-embedding" or "nonembedding" => ParameterConvention.NonEmbedding,
        _ => throw new InputException($"{option} '{text}' is not a parameter convention (total or non-embedding)"),
    };
}
