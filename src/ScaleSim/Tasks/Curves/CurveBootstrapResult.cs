using ScaleSim.Fitting;

namespace ScaleSim.Tasks.Curves;

/// <summary>The bootstrap distribution of a curve fit.</summary>
/// <param name="Resamples">Resamples drawn.</param>
/// <param name="Seed">The seed that reproduces them.</param>
/// <param name="Refits">The form refitted to every resample, for derived quantities (thresholds, turning points).</param>
/// <param name="Intervals">95% percentile intervals and standard errors of the natural parameters.</param>
public sealed record CurveBootstrapResult(int Resamples, int Seed, IReadOnlyList<CurveFit> Refits, IReadOnlyList<ParameterInterval> Intervals)
{
    /// <summary>The interval of a named parameter.</summary>
    public ParameterInterval this[string name] => Intervals.First(i => i.Name == name);

    /// <summary>
    /// The 95% percentile interval of any quantity of the refits; non-finite values (e.g. a threshold never reached)
    /// count as beyond every finite one, so a bound can be ±∞.
    /// </summary>
    public ParameterInterval Interval(string name, double estimate, Func<CurveFit, double> quantity) =>
        Percentiles.OrderStatisticInterval(name, estimate, Refits.Select(quantity).Select(v => double.IsNaN(v) ? double.PositiveInfinity : v).ToArray());
}
