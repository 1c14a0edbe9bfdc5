namespace ScaleSim.Training.Sweeps;

/// <summary>
/// The four kinds of run a Kaplan-to-Chinchilla ladder trains (<see cref="ProtocolLadderExperiment"/>), in the order
/// Porian et al. (2024) replaced Kaplan et al.'s (2020) choices with Chinchilla's.
/// </summary>
public enum LadderFamily
{
    /// <summary>Kaplan's protocol: one long cosine run per size, read at intermediate points; a long fixed warm-up; one learning rate and batch for every size.</summary>
    KaplanCurves,

    /// <summary>The same long runs with a warm-up scaled to the model (N tokens, Porian et al. 2024 §3.3).</summary>
    ScaledWarmupCurves,

    /// <summary>A run per IsoFLOP point whose cosine ends at its own last token; still one learning rate and batch.</summary>
    MatchedCosine,

    /// <summary>Matched cosine runs with the learning rate and batch of the experiment's rules (η = c / d_model, the batch rule).</summary>
    TunedCosine,
}
