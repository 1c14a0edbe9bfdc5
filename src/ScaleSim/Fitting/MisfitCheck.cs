namespace ScaleSim.Fitting;

/// <summary>
/// Whether a fitted law describes its runs, judged from its residuals log L̂ − log L: a root mean square far above the
/// scatter the runs show about a smooth local model (or, when that is unknown, above a few per cent), or residuals all
/// of one sign, say the law's form does not fit, whatever its intervals say. The thresholds are ScaleSim's: seeds of one
/// configuration differ by about 1% in loss, and Epoch AI's refit of Chinchilla's runs leaves an RMSE of 0.75%.
/// </summary>
public static class MisfitCheck
{
    /// <summary>Without a scatter estimate, an RMSE in log loss above this earns a warning.</summary>
    public const double MaxRmse = 0.03;

    /// <summary>With a scatter estimate, an RMSE above this multiple of it earns a warning…</summary>
    public const double ScatterMultiple = 3;

    /// <summary>…provided it is also above this (a 0.5% misfit matters to no plan, however small the noise).</summary>
    public const double NegligibleRmse = 0.01;

    /// <summary>An RMSE above this earns a warning whatever the scatter: no plan can rest on a law 10% off its runs.</summary>
    public const double UnusableRmse = 0.1;

    /// <summary>Fewer residuals than this can all share a sign by chance too easily to mean anything.</summary>
    public const int MinPointsForSigns = 6;

    /// <summary>
    /// The warnings for <paramref name="fit"/>, each naming <paramref name="what"/> was fitted; <paramref name="scatter"/>
    /// is the runs' own scatter in log loss, when known.
    /// </summary>
    public static IReadOnlyList<string> Warnings(FitResult fit, string what, double? scatter = null)
    {
        var warnings = new List<string>();
        double rmse = fit.Quality.Rmse;
        if (rmse > UnusableRmse)
        {
            warnings.Add($"{what}: residuals have an RMSE of {rmse:0.0000} in log loss (above {UnusableRmse:0.#}): the law does not fit these runs");
        }
        else if (scatter is { } s && double.IsFinite(s) && s > 0)
        {
            if (rmse > ScatterMultiple * s && rmse > NegligibleRmse)
                warnings.Add($"{what}: residuals have an RMSE of {rmse:0.0000} in log loss, {rmse / s:0.0}× the {s:0.0000} scatter of the runs about their IsoFLOP parabolas: the law does not fit these runs");
        }
        else if (rmse > MaxRmse)
        {
            warnings.Add($"{what}: residuals have an RMSE of {rmse:0.0000} in log loss (above {MaxRmse:0.##}): the law does not fit these runs");
        }
        var residuals = fit.Residuals;
        if (residuals.Length >= MinPointsForSigns && (residuals.All(r => r > 0) || residuals.All(r => r < 0)))
        {
            string side = residuals[0] > 0 ? "above" : "below";
            warnings.Add($"{what}: the law lies {side} all {residuals.Length} runs (every residual has the same sign): the law does not fit these runs");
        }
        return warnings;
    }
}
