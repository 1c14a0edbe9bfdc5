using ScaleSim.Flops;

namespace ScaleSim.Laws;

/// <summary>A published parameter set, with where it comes from and how its quantities are counted.</summary>
/// <param name="Name">Short name used on the command line (e.g. <c>hoffmann</c>).</param>
/// <param name="Law">The law with the published parameters.</param>
/// <param name="Citation">Paper and table or equation.</param>
/// <param name="Convention">What N, D and the loss mean for this set (parameter convention, dataset).</param>
public sealed record PublishedLaw(string Name, ILossLaw Law, string Citation, string Convention)
{
    /// <summary>How the law counts parameters N: total for the Chinchilla family, non-embedding for Kaplan's.</summary>
    public ParameterConvention ParamsConvention { get; init; } = ParameterConvention.Total;
}
