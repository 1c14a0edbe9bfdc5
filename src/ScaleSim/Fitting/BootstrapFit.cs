using ScaleSim.Laws;

namespace ScaleSim.Fitting;

/// <summary>
/// Nonparametric bootstrap of a fit, as Hoffmann et al. (2022) and Besiroglu et al. (2024) report intervals: resample
/// the runs with replacement, refit from the full-data optimum, and take percentiles (<see cref="BootstrapResampler"/>
/// runs the resamples, <see cref="Percentiles.InterpolatedInterval"/> reads the intervals).
/// </summary>
public static class BootstrapFit
{
    /// <summary>Runs <paramref name="resamples"/> refits of <paramref name="fit"/> on resampled <paramref name="data"/>.</summary>
    /// <param name="fit">The full-data fit; each resample starts from its optimum.</param>
    /// <param name="data">The observations.</param>
    /// <param name="resamples">How many resamples.</param>
    /// <param name="seed">The seed of the resamples.</param>
    /// <param name="options">The fit's options.</param>
    /// <param name="clusters">When given, the cluster of each observation (e.g. the run a training-curve point belongs
    /// to): whole clusters are resampled, since the points of one cluster are not independent draws.</param>
    /// <param name="draw">When given, draws the rows of one resample instead (a stratified design such as
    /// <see cref="Analysis.SeedResampling"/>); <paramref name="clusters"/> is then unused.</param>
    public static BootstrapResult Run(FitResult fit, FitData data, int resamples = 1000, int seed = 0, FitOptions? options = null, IReadOnlyList<int>? clusters = null,
        Func<Random, int[]>? draw = null)
    {
        if (resamples < 2) throw InputException.About($"{InputName.Of("resamples")} must be at least 2, got {resamples}");
        options ??= new FitOptions();
        var law = fit.Law;
        var names = law.ParameterNames.Concat(law.DerivedQuantities().Select(q => q.Key)).ToArray();
        if (clusters is not null && clusters.Count != data.Count) throw new ArgumentException("one cluster per observation", nameof(clusters));
        var members = clusters?.Select((c, i) => (c, i)).GroupBy(p => p.c).OrderBy(g => g.Key).Select(g => g.Select(p => p.i).ToArray()).ToArray();

        var refits = BootstrapResampler.Run(resamples, seed, options.Parallel, random =>
        {
            var rows = draw is not null ? draw(random) : members is null ? new int[data.Count] : Enumerable.Range(0, members.Length).SelectMany(_ => members[random.Next(members.Length)]).ToArray();
            if (draw is null && members is null)
                for (int k = 0; k < rows.Length; k++) rows[k] = random.Next(data.Count);
            var refit = MultiStartFitter.FitFrom(fit.Model, data.Resample(rows), fit.Theta, options);
            var refitLaw = fit.Model.ToLaw(double.IsFinite(refit.Objective) ? refit.Theta : fit.Theta);
            return (Values: Summarise(refitLaw), refit.Converged);
        });

        var estimates = Summarise(law);
        var samples = new Dictionary<string, double[]>();
        var intervals = new List<ParameterInterval>();
        for (int j = 0; j < names.Length; j++)
        {
            var column = refits.Select(r => r.Values[j]).ToArray();
            samples[names[j]] = column;
            intervals.Add(Percentiles.InterpolatedInterval(names[j], estimates[j], column));
        }
        return new BootstrapResult(resamples, refits.Count(r => !r.Converged), seed, intervals, samples);
    }

    private static double[] Summarise(ILossLaw law) =>
        law.ParameterValues.Concat(law.DerivedQuantities().Select(q => q.Value)).ToArray();
}
