namespace ScaleSim.Fitting;

/// <summary>The bootstrap distribution of a fit's parameters.</summary>
/// <param name="Resamples">Resamples drawn.</param>
/// <param name="NotConverged">Resamples whose refit did not meet the convergence test (kept if finite).</param>
/// <param name="Seed">The seed that reproduces the resamples.</param>
/// <param name="Intervals">95% percentile intervals and standard errors, natural parameters then derived quantities.</param>
/// <param name="Samples">Every resample's value per name, for histograms.</param>
public sealed record BootstrapResult(
    int Resamples,
    int NotConverged,
    int Seed,
    IReadOnlyList<ParameterInterval> Intervals,
    IReadOnlyDictionary<string, double[]> Samples)
{
    /// <summary>The interval of a named parameter.</summary>
    public ParameterInterval this[string name] => Intervals.First(i => i.Name == name);
}
