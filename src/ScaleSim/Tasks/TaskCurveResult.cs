using ScaleSim.Fitting;
using ScaleSim.Tasks.Classification;
using ScaleSim.Tasks.Curves;

namespace ScaleSim.Tasks;

/// <summary>Everything the analysis of one task curve found.</summary>
/// <param name="Curve">The observations.</param>
/// <param name="Data">The curve as fitted (log10 scale, weights).</param>
/// <param name="Selection">Every candidate form and the selected one.</param>
/// <param name="Classification">The class of the selected fit and the quantities behind it.</param>
/// <param name="Bootstrap">The bootstrap of the selected fit, when run.</param>
/// <param name="ThresholdInterval">95% interval of the emergence threshold (a scale), when emergent and bootstrapped.</param>
/// <param name="TurningPointInterval">95% interval of the turning point (a scale), when U-shaped and bootstrapped.</param>
/// <param name="Holdout">
/// With scales held out, how the fit of the others predicts them; <paramref name="Data"/> and everything fitted are
/// then of the kept scales, while <paramref name="Curve"/> keeps every observation.
/// </param>
public sealed record TaskCurveResult(
    TaskCurve Curve,
    CurvePoints Data,
    CurveSelection Selection,
    CurveClassification Classification,
    CurveBootstrapResult? Bootstrap,
    ParameterInterval? ThresholdInterval,
    ParameterInterval? TurningPointInterval,
    HoldoutReport? Holdout = null)
{
    /// <summary>The selected fit.</summary>
    public CurveFit Fit => Selection.Chosen.Fit;

    /// <summary>The class.</summary>
    public CurveClass Class => Classification.Class;
}
