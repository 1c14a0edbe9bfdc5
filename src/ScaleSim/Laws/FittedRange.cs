namespace ScaleSim.Laws;

/// <summary>The span of the runs a law was fitted to, written into its law file so a planner can tell extrapolation in shape from extrapolation in scale.</summary>
/// <param name="MinParams">Smallest N fitted.</param>
/// <param name="MaxParams">Largest N fitted.</param>
/// <param name="MinTokens">Smallest D fitted.</param>
/// <param name="MaxTokens">Largest D fitted.</param>
/// <param name="MinTokensPerParam">Smallest D/N fitted.</param>
/// <param name="MaxTokensPerParam">Largest D/N fitted.</param>
public sealed record FittedRange(double MinParams, double MaxParams, double MinTokens, double MaxTokens, double MinTokensPerParam, double MaxTokensPerParam)
{
    /// <summary>The range of paired N and D, or null when there are none.</summary>
    public static FittedRange? Of(IReadOnlyList<double>? parameters, IReadOnlyList<double>? tokens)
    {
        if (parameters is null || tokens is null || parameters.Count == 0 || parameters.Count != tokens.Count) return null;
        var ratios = parameters.Zip(tokens, (n, d) => d / n).ToArray();
        return new FittedRange(parameters.Min(), parameters.Max(), tokens.Min(), tokens.Max(), ratios.Min(), ratios.Max());
    }
}
