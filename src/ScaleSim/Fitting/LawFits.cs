using ScaleSim.Laws;
using ScaleSim.Runs;

namespace ScaleSim.Fitting;

/// <summary>The fittable laws by name, and how a run table becomes their data.</summary>
public static class LawFits
{
    /// <summary>Names accepted by <c>scalesim fit --law</c>.</summary>
    public static IReadOnlyList<string> Names { get; } = ["chinchilla", "kaplan-n", "kaplan-d", "kaplan-nd", "kaplan-c", DataConstrainedLaw.KindName];

    /// <summary>The fit-space model for a law name; <paramref name="irreducible"/> adds E to the Kaplan forms.</summary>
    public static ILogLossModel Model(string law, bool irreducible = false) => law.ToLowerInvariant() switch
    {
        "chinchilla" => new ChinchillaLseModel(),
        "kaplan-n" => new KaplanPowerModel(ScaleVariable.Params, irreducible),
        "kaplan-d" => new KaplanPowerModel(ScaleVariable.Tokens, irreducible),
        "kaplan-c" => new KaplanPowerModel(ScaleVariable.Flops, irreducible),
        "kaplan-nd" => new KaplanJointModel(irreducible),
        DataConstrainedLaw.KindName => new DataConstrainedModel(),
        _ => throw InputException.About($"{InputName.Of("law")} '{law}' is not fittable (choose from {string.Join(", ", Names)})"),
    };

    /// <summary>
    /// The rows a law is fitted on: all of them, except for L(C), which is fitted on the compute envelope.
    /// </summary>
    public static RunTable Rows(RunTable runs, ILogLossModel model)
    {
        if (model is KaplanPowerModel { Variable: ScaleVariable.Flops })
            return runs.Select(ComputeEnvelope.Indices(runs.RequireFlops(), runs.Loss));
        return runs;
    }
}
