using MathNet.Numerics.Distributions;
using ScaleSim.Fitting;

namespace ScaleSim.Tasks.Curves;

/// <summary>
/// Parametric bootstrap of a curve fit. With the number of examples known, each resample redraws every score as
/// Binomial(nᵢ, f(xᵢ))/nᵢ from the fitted curve, the sampling the scores came from; otherwise each resample adds the
/// fit's residuals, drawn with replacement and scaled by √(n/(n − k)), to the fitted values (for a loss, in the log
/// space it is fitted in, so a resampled loss stays above −1 and its noise stays relative). A scale with several
/// scores (seeds) instead redraws its scores from its own, with replacement, so the scatter between seeds enters the
/// intervals as it came. The x stay fixed (every scale stays in every resample, which resampling the points would
/// not guarantee with eight to fifteen of them). Each resample is refitted from the full-data optimum
/// (<see cref="BootstrapResampler"/>: resample i draws from its own generator seeded by (seed, i)).
/// </summary>
public static class CurveBootstrap
{
    /// <summary>Runs <paramref name="resamples"/> refits of <paramref name="fit"/>.</summary>
    public static CurveBootstrapResult Run(CurveFit fit, int resamples = 200, int seed = 0, CurveFitOptions? options = null)
    {
        if (resamples < 2) throw InputException.About($"{InputName.Of("resamples")} must be at least 2, got {resamples}");
        options ??= new CurveFitOptions();
        var data = fit.Data;
        var fitted = fit.Predict(data.X);
        var residuals = fit.ResponseResiduals;
        int dof = Math.Max(data.Count - fit.Form.ParameterCount, 1);
        double inflate = Math.Sqrt((double)data.Count / dof);
        var replicated = data.ScaleGroups().Where(g => g.Length > 1).ToList();

        var refits = BootstrapResampler.Run(resamples, seed, options.Parallel, random =>
        {
            var y = new double[data.Count];
            for (int j = 0; j < y.Length; j++)
            {
                if (data.Examples is { } n)
                    y[j] = Binomial.Sample(random, Math.Clamp(fitted[j], 0, 1), n[j]) / (double)n[j];
                else
                    y[j] = data.FromResponse(data.Response(fitted[j]) - inflate * residuals[random.Next(residuals.Length)]);
            }
            foreach (var group in replicated)
                foreach (int j in group) y[j] = data.Y[group[random.Next(group.Length)]];
            return CurveFitter.FitFrom(fit.Form, data.WithScores(y), fit.Theta, options);
        });

        var intervals = fit.Parameters.Select((p, k) =>
            Percentiles.OrderStatisticInterval(p.Key, p.Value, refits.Select(r => r.Parameters[k].Value).ToArray())).ToList();
        return new CurveBootstrapResult(resamples, seed, refits, intervals);
    }
}
