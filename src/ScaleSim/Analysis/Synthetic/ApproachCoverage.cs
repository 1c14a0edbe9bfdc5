namespace ScaleSim.Analysis.Synthetic;

/// <summary>One approach's record over many synthetic sweeps (<see cref="PredictionCoverage"/>).</summary>
/// <param name="Approach">Which approach (1, 2 or 3).</param>
/// <param name="Seeds">Sweeps analysed.</param>
/// <param name="Predicted">Sweeps on which the approach gave a prediction (Approach 2 needs two interior minima).</param>
/// <param name="Flops">The budget predicted.</param>
/// <param name="TrueParams">The surface's N_opt there.</param>
/// <param name="TrueTokens">The surface's D_opt there.</param>
/// <param name="MedianExponentError">Median |a − a_true| of N_opt ∝ C^a.</param>
/// <param name="MaxExponentError">Largest |a − a_true|.</param>
/// <param name="ExponentWithin">Fraction of sweeps with |a − a_true| ≤ <see cref="PredictionCoverage.ExponentTolerance"/>.</param>
/// <param name="MedianParamsError">Median |N̂/N_opt − 1|.</param>
/// <param name="MedianTokensError">Median |D̂/D_opt − 1|.</param>
/// <param name="WithinTolerance">Fraction of sweeps whose N̂ and D̂ are both within the tolerance (a sweep without a prediction counts as a miss).</param>
/// <param name="ParamsCoverage">Fraction of sweeps whose 95% interval of N contains N_opt.</param>
/// <param name="TokensCoverage">Fraction of sweeps whose 95% interval of D contains D_opt.</param>
public sealed record ApproachCoverage(
    string Approach,
    int Seeds,
    int Predicted,
    double Flops,
    double TrueParams,
    double TrueTokens,
    double MedianExponentError,
    double MaxExponentError,
    double ExponentWithin,
    double MedianParamsError,
    double MedianTokensError,
    double WithinTolerance,
    double ParamsCoverage,
    double TokensCoverage);
