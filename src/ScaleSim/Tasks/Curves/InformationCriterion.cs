namespace ScaleSim.Tasks.Curves;

/// <summary>
/// The information criteria forms are compared by, for a Gaussian likelihood of the residuals. With the binomial
/// variances known, −2 ln L is χ² = Σ wᵢ rᵢ² divided by the overdispersion ĉ (Burnham &amp; Anderson 2002, §2.5,
/// QAICc) and k counts the form's parameters; with them unknown, −2 ln L is n·ln(RSS/n) and k' = k + 1 also counts
/// the noise variance.
/// </summary>
public static class InformationCriterion
{
    /// <summary>
    /// AICc (Hurvich &amp; Tsai 1989): −2 ln L + 2k' + 2k'(k' + 1)/(n − k' − 1), or +∞ when n ≤ k' + 1.
    /// </summary>
    public static double Aicc(CurveFit fit, double overdispersion = 1)
    {
        int n = fit.Data.Count;
        int k = CountedParameters(fit.Form, fit.Data);
        if (n - k - 1 <= 0) return double.PositiveInfinity;
        // Hurvich & Tsai 1989: AIC plus the small-sample correction 2k(k+1)/(n−k−1)
        return Deviance(fit, overdispersion) + 2.0 * k + 2.0 * k * (k + 1) / (n - k - 1);
    }

    /// <summary>BIC (Schwarz 1978): −2 ln L + k'·ln n.</summary>
    public static double Bic(CurveFit fit, double overdispersion = 1)
    {
        int n = fit.Data.Count;
        // Schwarz 1978: −2 ln L + k ln n
        return Deviance(fit, overdispersion) + CountedParameters(fit.Form, fit.Data) * Math.Log(n);
    }

    /// <summary>
    /// The parameters a criterion counts: the form's, plus one for the noise variance when it is estimated from the fit.
    /// </summary>
    public static int CountedParameters(ICurveForm form, CurvePoints data) => form.ParameterCount + (data.KnownVariance ? 0 : 1);

    /// <summary>
    /// Whether AICc's small-sample term stays within what the data can bear for a form: defined (n &gt; k' + 1) and no
    /// larger than the AIC penalty 2k' itself, 2k'(k' + 1)/(n − k' − 1) ≤ 2k', which is n ≥ 2k' + 2. Past that the
    /// correction, not the fit, decides: at n = 10 and k' = 7 it is 112 against an AIC penalty of 14.
    /// </summary>
    public static bool AiccCorrectionBearable(ICurveForm form, CurvePoints data) => data.Count >= 2 * CountedParameters(form, data) + 2;

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

    private static double Deviance(CurveFit fit, double overdispersion)
    {
        int n = fit.Data.Count;
        return fit.Data.KnownVariance
            ? fit.ChiSquare / overdispersion
            : n * Math.Log(Math.Max(fit.ChiSquare / n, 1e-12));
    }
}
