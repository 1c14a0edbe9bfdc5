namespace ScaleSim.Flops;

/// <summary>Names for <see cref="ParameterConvention"/> in files and output.</summary>
public static class ParameterConventions
{
    /// <summary>Both conventions, total first.</summary>
    public static IReadOnlyList<ParameterConvention> All { get; } = [ParameterConvention.Total, ParameterConvention.NonEmbedding];

    /// <summary>The name: <c>total</c> or <c>non-embedding</c>.</summary>
    public static string Name(this ParameterConvention convention) =>
        convention == ParameterConvention.Total ? "total" : "non-embedding";

    /// <summary>Parses <c>total</c> or <c>non-embedding</c>; throws <see cref="InputException"/> naming the parameter otherwise.</summary>
    public static ParameterConvention Parse(string text) => text.ToLowerInvariant() switch
    {
        "total" => ParameterConvention.Total,
        "non-embedding" or "nonembedding" => ParameterConvention.NonEmbedding,
        _ => throw InputException.About($"{InputName.Of("params_convention")} '{text}' is not a parameter convention (total or non-embedding)"),
    };
}
