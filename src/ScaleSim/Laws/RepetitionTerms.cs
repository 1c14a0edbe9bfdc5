namespace ScaleSim.Laws;

/// <summary>
/// How repeated data and excess parameters are discounted in Muennighoff et al.'s (2023) data-constrained law
/// at one point.
/// </summary>
/// <param name="UniqueTokensSeen">U_D = min(U, D): the distinct tokens the run sees.</param>
/// <param name="Repetitions">R_D = D/U_D − 1: passes over the data beyond the first.</param>
/// <param name="EffectiveTokens">D' = U_D + U_D·R_D*·(1 − exp(−R_D/R_D*)).</param>
/// <param name="UniqueParams">U_N = min(N, N_opt(U_D)): the parameters the unique data can use.</param>
/// <param name="ExcessParamsRatio">R_N = N/U_N − 1: parameters beyond what the data supports, as a multiple of U_N.</param>
/// <param name="EffectiveParams">N' = U_N + U_N·R_N*·(1 − exp(−R_N/R_N*)).</param>
public sealed record RepetitionTerms(
    double UniqueTokensSeen,
    double Repetitions,
    double EffectiveTokens,
    double UniqueParams,
    double ExcessParamsRatio,
    double EffectiveParams)
{
    /// <summary>Epochs over the unique data, D/U_D = R_D + 1.</summary>
    public double Epochs => Repetitions + 1;
}
