using MathNet.Numerics.Statistics;

namespace ScaleSim.Fitting;

/// <summary>
/// The two empirical quantiles ScaleSim reports bootstrap intervals with, both of samples sorted ascending:
/// <see cref="Interpolated"/> for the loss-law fits and the task-curve figures' bands, whose samples are finite;
/// <see cref="OrderStatistic"/> for the task curves and the two-step forecast, whose samples can be ±∞.
/// </summary>
public static class Percentiles
{
    /// <summary>The lower bound of a central 95% interval.</summary>
    public const double Lower95 = 0.025;

    /// <summary>The upper bound of a central 95% interval.</summary>
    public const double Upper95 = 0.975;

    /// <summary>
    /// Math.NET's default quantile (Hyndman and Fan 1996, type 8: h = (n + 1/3)·p + 1/3, interpolated between the
    /// neighbouring order statistics); NaN for no samples. The intervals of BootstrapFit and of ScalingAnalysis's three
    /// approaches, and the bands of the task-curve figures, have always been computed with it, and the published
    /// numbers (README, reports, snapshots) depend on it. Interpolating next to an infinite sample gives ∞ − ∞ or
    /// 0·∞ = NaN, so give it finite samples only.
    /// </summary>
    public static double Interpolated(double[] sorted, double p) => SortedArrayStatistics.Quantile(sorted, p);

    /// <summary>
    /// The order statistic at rank ⌈p·n⌉ (Hyndman and Fan 1996, type 1), which is always one of the samples: a task
    /// curve's resample can lack a threshold or a turning point in range (+∞ or −∞), and this bound then stays
    /// defined, ±∞ when enough resamples lack it, where an interpolated one would be NaN.
    /// </summary>
    public static double OrderStatistic(double[] sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    /// <summary>
    /// The 95% interval of loss-law resamples by <see cref="Interpolated"/>, with the standard deviation of all of
    /// them as the standard error.
    /// </summary>
    public static ParameterInterval InterpolatedInterval(string name, double estimate, double[] samples)
    {
        var sorted = samples.Order().ToArray();
        return new ParameterInterval(name, estimate, Interpolated(sorted, Lower95), Interpolated(sorted, Upper95), samples.StandardDeviation());
    }

    /// <summary>
    /// The 95% interval of task-curve resamples by <see cref="OrderStatistic"/>: non-finite values count as beyond
    /// every finite one, so a bound can be ±∞; the standard error is the standard deviation of the finite values (NaN
    /// with fewer than two).
    /// </summary>
    public static ParameterInterval OrderStatisticInterval(string name, double estimate, double[] samples)
    {
        var sorted = samples.Order().ToArray();
        var finite = sorted.Where(double.IsFinite).ToArray();
        double sd = finite.Length > 1 ? finite.StandardDeviation() : double.NaN;
        return new ParameterInterval(name, estimate, OrderStatistic(sorted, Lower95), OrderStatistic(sorted, Upper95), sd);
    }
}
