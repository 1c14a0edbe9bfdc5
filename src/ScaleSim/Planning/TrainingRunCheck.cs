using ScaleSim.Laws;

namespace ScaleSim.Planning;

/// <summary>
/// Whether a split of a budget is a training run a law can speak for. Fewer tokens than parameters is refused unless
/// the law was fitted on runs that short (Chinchilla's own runs go down to 0.46 tokens per parameter): splits like
/// <c>C = 1e21, N = 1e30</c> (1.7e-10 tokens) give losses in the millions that mean nothing. A split whose tokens per
/// parameter lie outside the fitted runs' range is allowed with a warning: scale is what a law extrapolates in, the
/// shape of the split is not.
/// </summary>
public static class TrainingRunCheck
{
    /// <summary>Fewest tokens per parameter a plan may have.</summary>
    public const double MinTokensPerParam = 1.0;

    /// <summary>
    /// Throws an input error when <paramref name="plan"/> trains on fewer tokens than it has parameters, unless
    /// <paramref name="range"/> says the law was fitted on splits at least that short.
    /// </summary>
    public static void RequireTrainingRun(Allocation plan, FittedRange? range = null)
    {
        if (plan.TokensPerParam >= MinTokensPerParam) return;
        if (range is not null && plan.TokensPerParam >= range.MinTokensPerParam * (1 - 1e-9)) return;
        throw new InputException(
            $"N = {plan.Params:G3} parameters on {plan.Tokens:G3} tokens ({plan.TokensPerParam:G2} tokens per parameter, C = {plan.Flops:G3} FLOPs) is not a training run: "
            + $"a plan needs at least {MinTokensPerParam:G} token per parameter, or no fewer than the law's fitted runs had (Chinchilla-optimal is about 20)");
    }

    /// <summary>
    /// One-line warnings for a plan outside <paramref name="range"/>: its tokens per parameter, or a model or data size
    /// below the smallest fitted; without a range, fewer tokens than parameters (an allocation rule can give that, e.g.
    /// Kaplan's frontier for a very large model, where a fixed split would be refused).
    /// </summary>
    public static IReadOnlyList<string> Warnings(Allocation plan, FittedRange? range)
    {
        double ratio = plan.TokensPerParam;
        if (range is null)
            return ratio < MinTokensPerParam
                ? [$"at C = {plan.Flops:G3}: {ratio:G3} tokens per parameter, fewer tokens than parameters; the law's loss there is an extrapolation far from any fitted run"]
                : [];
        var warnings = new List<string>();
        if (ratio < range.MinTokensPerParam * (1 - 1e-9) || ratio > range.MaxTokensPerParam * (1 + 1e-9))
            warnings.Add($"at C = {plan.Flops:G3}: {ratio:G4} tokens per parameter is outside the fitted runs' {range.MinTokensPerParam:G3} to {range.MaxTokensPerParam:G4}; the law has not seen splits like it");
        if (plan.Params < range.MinParams * (1 - 1e-9))
            warnings.Add($"at C = {plan.Flops:G3}: N = {plan.Params:G3} is below the smallest fitted model ({range.MinParams:G3})");
        if (plan.Tokens < range.MinTokens * (1 - 1e-9))
            warnings.Add($"at C = {plan.Flops:G3}: D = {plan.Tokens:G3} is below the fewest fitted tokens ({range.MinTokens:G3})");
        return warnings;
    }
}
