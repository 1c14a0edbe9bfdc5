namespace ScaleSim.Cli.Commands.PlanModes;

/// <summary>Everything <c>scalesim plan</c> was asked, as parsed (nulls for options not given).</summary>
internal sealed record PlanRequest(
    string? Law,
    double? Flops,
    double? Params,
    double? Tokens,
    double? TargetLoss,
    double? UniqueTokens,
    double? InferenceTokens,
    double? Experts,
    double? Granularity,
    string? DenseLaw,
    bool Overhead,
    bool Json,
    ScaleSim.Cli.Figures.FigureTarget? Figures)
{
    /// <summary>Whether any of the constrained questions was asked; without them plan behaves as it always has.</summary>
    public bool AsksAConstrainedQuestion =>
        UniqueTokens.HasValue || InferenceTokens.HasValue || Experts.HasValue || Granularity.HasValue || DenseLaw is not null || Overhead;

    /// <summary>The budget, or a one-line error naming what the mode needs it for.</summary>
    public double RequireFlops(string mode) => Flops.HasValue
        ? CommonOptions.Positive(Flops, "--flops")
        : throw new InputException($"{mode} needs a budget: give --flops C");
}
