namespace ScaleSim.Analysis;

/// <summary>
/// One approach's answer to "how do N_opt and D_opt grow with C": N_opt ∝ C^a, D_opt ∝ C^b, with bootstrap intervals
/// (Hoffmann et al. 2022, Table 2).
/// </summary>
/// <param name="Approach">Which approach (1, 2 or 3).</param>
/// <param name="ParamsLaw">N_opt(C).</param>
/// <param name="TokensLaw">D_opt(C).</param>
/// <param name="Points">The optimal points the laws were fitted through (empty for Approach 3).</param>
/// <param name="CiA">95% bootstrap interval of a, or null when not bootstrapped.</param>
/// <param name="CiB">95% bootstrap interval of b, or null when not bootstrapped.</param>
public sealed record AllocationEstimate(
    string Approach,
    PowerLaw ParamsLaw,
    PowerLaw TokensLaw,
    IReadOnlyList<FrontierPoint> Points,
    (double Low, double High)? CiA = null,
    (double Low, double High)? CiB = null)
{
    /// <summary>The exponent a of N_opt ∝ C^a.</summary>
    public double A => ParamsLaw.Exponent;

    /// <summary>The exponent b of D_opt ∝ C^b.</summary>
    public double B => TokensLaw.Exponent;
}
