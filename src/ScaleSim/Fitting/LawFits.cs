using ScaleSim.Laws;
using ScaleSim.Runs;

namespace ScaleSim.Fitting;

/// <summary>The fittable laws by name, and how a run table becomes their data.</summary>
public static class LawFits
{
    /// <summary>Names accepted by <c>scalesim fit --law</c>.</summary>
    public static IReadOnlyList<string> Names { get; } = ["chinchilla", "kaplan-n", "kaplan-d", "kaplan-nd", "kaplan-c", KaplanStepsLaw.KindName, DataConstrainedLaw.KindName];

    /// <summary>The fit-space model for a law name; <paramref name="irreducible"/> adds E to the Kaplan forms.</summary>
    public static ILogLossModel Model(string law, bool irreducible = false) => law.ToLowerInvariant() switch
    {
        "chinchilla" => new ChinchillaLseModel(),
        "kaplan-n" => new KaplanPowerModel(ScaleVariable.Params, irreducible),
        "kaplan-d" => new KaplanPowerModel(ScaleVariable.Tokens, irreducible),
        "kaplan-c" => new KaplanPowerModel(ScaleVariable.Flops, irreducible),
        "kaplan-nd" => new KaplanJointModel(irreducible),
        KaplanStepsLaw.KindName => new KaplanStepsModel(irreducible),
        DataConstrainedLaw.KindName => new DataConstrainedModel(),
        _ => throw InputException.About($"{InputName.Of("law")} '{law}' is not fittable (choose from {string.Join(", ", Names)})"),
    };

    /// <summary>
    /// The fit data of <paramref name="runs"/> for <paramref name="model"/>: N, D, C and the loss, plus the steps and
    /// batches of each row for the learning-curve law (read only then, so a stray steps column never stops other fits).
    /// </summary>
    public static FitData Data(RunTable runs, ILogLossModel model)
    {
        var data = FitData.FromRuns(runs);
        if (model is not KaplanStepsModel) return data;
        var steps = TrainingSteps.Read(runs);
        return steps is null ? data : data with { Steps = steps.Steps, BatchTokens = steps.BatchTokens };
    }

    /// <summary>
    /// Which observations belong together for the bootstrap: the points of one training curve are not independent, so
    /// the learning-curve law resamples whole runs (by the table's <c>run</c> column, or else by N); null for laws fitted
    /// to one row per run.
    /// </summary>
    public static int[]? Clusters(RunTable runs, ILogLossModel model)
    {
        if (model is not KaplanStepsModel) return null;
        int column = -1;
        for (int c = 0; c < runs.Frame.Columns.Count; c++)
            if (string.Equals(runs.Frame.Columns[c].Name, "run", StringComparison.OrdinalIgnoreCase)) column = c;
        var keys = Enumerable.Range(0, runs.Count)
            .Select(i => column >= 0 ? runs.Frame.Columns[column][i]?.ToString() ?? "" : runs.RequireParams()[i].ToString("R", System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        return keys.Select(k => ids.TryGetValue(k, out int id) ? id : ids[k] = ids.Count).ToArray();
    }

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
