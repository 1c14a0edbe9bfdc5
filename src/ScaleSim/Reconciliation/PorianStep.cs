namespace ScaleSim.Reconciliation;

/// <summary>One step of Porian et al.'s (2024) walk from Kaplan's setup to Chinchilla's, and the exponent they measured after it.</summary>
/// <param name="Fix">What the step changes.</param>
/// <param name="Exponent">The fitted a in N_opt ∝ C^a after the step (RefinedWeb).</param>
public sealed record PorianStep(string Fix, double Exponent);
