namespace ScaleSim.Reconciliation;

/// <summary>
/// Porian et al. (2024), "Resolving Discrepancies in Compute-Optimal Scaling of Language Models", Figure 1 (RefinedWeb):
/// the exponent of N_opt on C as each of Kaplan's choices is replaced by Chinchilla's. The values are the bootstrap
/// medians in the authors' released analysis (github.com/formll/resolving-scaling-law-discrepancies,
/// data/summary_df.pickle.xz), rounded to three decimals.
/// </summary>
public static class PorianSteps
{
    /// <summary>The five configurations of Figure 1, in order.</summary>
    public static IReadOnlyList<PorianStep> All { get; } =
    [
        new("Kaplan et al.'s setup reproduced: non-embedding N, no last-layer FLOPs, long warm-up, untuned optimizer", 0.835),
        new("Last-layer (output) FLOPs counted", 0.706),
        new("Warm-up shortened for small models", 0.602),
        new("Cosine decay matched to each run's length", 0.571),
        new("Optimizer tuned per model size (AdamW beta2, batch size, learning rate), no decay", 0.497),
    ];
}
