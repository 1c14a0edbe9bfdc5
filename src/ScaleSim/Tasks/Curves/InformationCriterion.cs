namespace ScaleSim.Tasks.Curves;

/// <summary>
/// AICc (Hurvich &amp; Tsai 1989): −2 ln L + 2k + 2k(k+1)/(n − k − 1) for a Gaussian likelihood of the residuals.
/// With the binomial variances known, −2 ln L is χ² = Σ wᵢ rᵢ² divided by the overdispersion ĉ (Burnham &amp;
/// Anderson 2002, §2.5, QAICc) and k counts the form's parameters; with them unknown, −2 ln L is n·ln(RSS/n) and
/// k also counts the noise variance.
/// </summary>
public static class InformationCriterion
{
    /// <summary>The AICc of a fit, or +∞ when n ≤ k + 1.</summary>
    public static double Aicc(CurveFit fit, double overdispersion = 1)
    {
        int n = fit.Data.Count;
        int k = fit.Form.ParameterCount + (fit.Data.KnownVariance ? 0 : 1);
        if (n - k - 1 <= 0) return double.PositiveInfinity;
        // Hurvich & Tsai 1989: AIC plus the small-sample correction 2k(k+1)/(n−k−1)
        double deviance = fit.Data.KnownVariance
            ? fit.ChiSquare / overdispersion
            : n * Math.Log(Math.Max(fit.ChiSquare / n, 1e-12));
        return deviance + 2.0 * k + 2.0 * k * (k + 1) / (n - k - 1);
    }

    /// <summary>
    /// ĉ = max(1, min over fits with at least two residual degrees of freedom of χ²/(n − k)): the scatter beyond
    /// binomial noise that even the best-fitting candidate leaves (Burnham &amp; Anderson estimate ĉ from the richest
    /// model; the minimum also guards against a rich form whose fit missed its optimum). 1 when the variances are not known.
    /// </summary>
    public static double Overdispersion(IEnumerable<CurveFit> fits)
    {
        var ratios = fits.Where(f => f.Data.KnownVariance && f.Data.Count - f.Form.ParameterCount >= 2)
            .Select(f => f.ChiSquare / (f.Data.Count - f.Form.ParameterCount)).ToList();
        return ratios.Count == 0 ? 1 : Math.Max(1, ratios.Min());
    }
}
