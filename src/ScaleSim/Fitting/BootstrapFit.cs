using MathNet.Numerics.Statistics;
using ScaleSim.Laws;

namespace ScaleSim.Fitting;

/// <summary>
/// Nonparametric bootstrap of a fit, as Hoffmann et al. (2022) and Besiroglu et al. (2024) report intervals: resample
/// the runs with replacement, refit from the full-data optimum, and take percentiles. Resample i draws from its own
/// generator seeded by (seed, i), so results do not depend on threads.
/// </summary>
public static class BootstrapFit
{
    /// <summary>Runs <paramref name="resamples"/> refits of <paramref name="fit"/> on resampled <paramref name="data"/>.</summary>
    public static BootstrapResult Run(FitResult fit, FitData data, int resamples = 1000, int seed = 0, FitOptions? options = null)
    {
        if (resamples < 2) throw new InputException($"--bootstrap must be at least 2, got {resamples}");
        options ??= new FitOptions();
        var law = fit.Law;
        var names = law.ParameterNames.Concat(law.DerivedQuantities().Select(q => q.Key)).ToArray();
        var values = new double[resamples][];
        var converged = new bool[resamples];

        Parallel.For(0, resamples, options.Parallel, i =>
        {
            var random = new Random(ResampleSeed(seed, i));
            var rows = new int[data.Count];
            for (int k = 0; k < rows.Length; k++) rows[k] = random.Next(data.Count);
            var sample = data.Resample(rows);
            var refit = MultiStartFitter.FitFrom(fit.Model, sample, fit.Theta, options);
            converged[i] = refit.Converged;
            var refitLaw = fit.Model.ToLaw(double.IsFinite(refit.Objective) ? refit.Theta : fit.Theta);
            values[i] = Summarise(refitLaw);
        });

        var estimates = Summarise(law);
        var samples = new Dictionary<string, double[]>();
        var intervals = new List<ParameterInterval>();
        for (int j = 0; j < names.Length; j++)
        {
            var column = values.Select(v => v[j]).ToArray();
            samples[names[j]] = column;
            var sorted = column.Order().ToArray();
            intervals.Add(new ParameterInterval(names[j], estimates[j],
                SortedArrayStatistics.Quantile(sorted, 0.025), SortedArrayStatistics.Quantile(sorted, 0.975),
                column.StandardDeviation()));
        }
        return new BootstrapResult(resamples, converged.Count(c => !c), seed, intervals, samples);
    }

    /// <summary>
    /// A seed for resample i that is the same in every process (System.HashCode is randomised per process, so it
    /// cannot be used here): the SplitMix64 finaliser of (seed, i).
    /// </summary>
    internal static int ResampleSeed(int seed, int index)
    {
        ulong z = ((ulong)(uint)seed << 32 | (uint)index) + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return (int)((z ^ (z >> 31)) & 0x7FFFFFFF);
    }

    private static double[] Summarise(ILossLaw law) =>
        law.ParameterValues.Concat(law.DerivedQuantities().Select(q => q.Value)).ToArray();
}
