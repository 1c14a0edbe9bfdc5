namespace ScaleSim.Analysis;

/// <summary>95% bootstrap intervals of one approach's exponents: a of N_opt ∝ C^a and b of D_opt ∝ C^b.</summary>
/// <param name="A">The interval of a.</param>
/// <param name="B">The interval of b.</param>
internal sealed record ExponentIntervals((double Low, double High) A, (double Low, double High) B);
