namespace ScaleSim.Tasks.Curves;

/// <summary>One candidate form fitted to a curve, with the numbers selection looks at.</summary>
/// <param name="Fit">The fit on all points.</param>
/// <param name="Aicc">Its AICc (+∞ when the curve has too few points for the form).</param>
/// <param name="ExtrapolationError">
/// Mean |error| at the largest scale when the form is fitted without it (leave-the-largest-out), or null when it was
/// not computed or too few points remain.
/// </param>
/// <param name="Bic">Its BIC.</param>
public sealed record FormCandidate(CurveFit Fit, double Aicc, double? ExtrapolationError, double Bic)
{
    /// <summary>The form.</summary>
    public ICurveForm Form => Fit.Form;
}
