namespace ScaleSim.Tasks.Classification;

/// <summary>How a fitted curve was classified, with the quantities the rules looked at.</summary>
/// <param name="Class">The class.</param>
/// <param name="Margin">The margin m in score units.</param>
/// <param name="Noise">σ, the standard error of the score at one scale at the baseline (binomial × √ĉ, or the residual SD; over √k with k scores per scale).</param>
/// <param name="Baseline">The level emergence is measured from: chance, or the fitted value of the smallest model.</param>
/// <param name="Threshold">The scale at which the fitted curve first clears baseline + m (null if it never does).</param>
/// <param name="TurningPoint">The scale of the fitted minimum, when the curve is U-shaped.</param>
/// <param name="Change">f(largest scale) − f(smallest scale), in the metric's units (negative for a falling loss).</param>
/// <param name="Range">max f − min f over the observed scales.</param>
/// <param name="Fall">How far performance falls from the smallest scale to its worst: f(smallest) − min f for a score, max f − f(smallest) for a loss.</param>
/// <param name="Rise">How far performance recovers from its worst to the largest scale: f(largest) − min f for a score, max f − f(largest) for a loss.</param>
public sealed record CurveClassification(
    CurveClass Class,
    double Margin,
    double Noise,
    double Baseline,
    double? Threshold,
    double? TurningPoint,
    double Change,
    double Range,
    double Fall,
    double Rise);
