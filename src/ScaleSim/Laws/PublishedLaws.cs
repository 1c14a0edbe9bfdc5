using ScaleSim.Flops;

namespace ScaleSim.Laws;

/// <summary>Published scaling-law parameter sets, by name.</summary>
public static class PublishedLaws
{
    /// <summary>FLOPs in one PF-day (Kaplan et al. 2020 quote compute in PF-days).</summary>
    public const double FlopsPerPetaflopDay = 8.64e19;

    /// <summary>Hoffmann et al. (2022), Approach 3 as printed in the paper (§3.3).</summary>
    public static PublishedLaw Hoffmann { get; } = new("hoffmann",
        new ChinchillaLaw(E: 1.69, A: 406.4, B: 410.7, Alpha: 0.34, Beta: 0.28),
        "Hoffmann et al. 2022, 'Training Compute-Optimal Large Language Models', Eq. 10 / §3.3",
        "N total parameters (embeddings included); D tokens; loss on MassiveText");

    /// <summary>Epoch AI's refit of Approach 3 on 240 points reconstructed from Hoffmann et al.'s Figure 4.</summary>
    public static PublishedLaw Epoch { get; } = new("epoch",
        new ChinchillaLaw(E: 1.8172, A: 482.01, B: 2085.43, Alpha: 0.3478, Beta: 0.3658),
        "Besiroglu et al. 2024, 'Chinchilla Scaling: A replication attempt', Table 1",
        "as Hoffmann et al. (total parameters; MassiveText loss)");

    /// <summary>Kaplan et al. (2020) joint L(N, D) (Table 2 / Eq. 1.5).</summary>
    public static PublishedLaw Kaplan { get; } = new("kaplan",
        new KaplanJointLaw(AlphaN: 0.076, AlphaD: 0.103, Nc: 6.4e13, Dc: 1.8e13),
        "Kaplan et al. 2020, 'Scaling Laws for Neural Language Models', Eq. 1.5 and Table 2",
        "N non-embedding parameters; loss on WebText2 (not comparable in level with MassiveText losses)")
    { ParamsConvention = ParameterConvention.NonEmbedding };

    /// <summary>Kaplan et al. (2020) L(N), Eq. 1.1.</summary>
    public static PublishedLaw KaplanParams { get; } = new("kaplan-n",
        new KaplanPowerLaw(ScaleVariable.Params, Scale: 8.8e13, Exponent: 0.076),
        "Kaplan et al. 2020, Eq. 1.1 / Table 5", "N non-embedding parameters; WebText2 loss")
    { ParamsConvention = ParameterConvention.NonEmbedding };

    /// <summary>Kaplan et al. (2020) L(D), Eq. 1.2.</summary>
    public static PublishedLaw KaplanTokens { get; } = new("kaplan-d",
        new KaplanPowerLaw(ScaleVariable.Tokens, Scale: 5.4e13, Exponent: 0.095),
        "Kaplan et al. 2020, Eq. 1.2 / Table 5", "D tokens; WebText2 loss");

    /// <summary>Kaplan et al. (2020) L(C_min), Eq. 1.3, with C_c converted from PF-days to FLOPs.</summary>
    public static PublishedLaw KaplanCompute { get; } = new("kaplan-c",
        new KaplanPowerLaw(ScaleVariable.Flops, Scale: 3.1e8 * FlopsPerPetaflopDay, Exponent: 0.050),
        "Kaplan et al. 2020, Eq. 1.3 / Table 5 (C_c = 3.1e8 PF-days)", "C in FLOPs (C_min, compute-efficient training); WebText2 loss");

    /// <summary>
    /// Muennighoff et al. (2023), "Scaling Data-Constrained Language Models": the data-constrained law with the constants
    /// of the authors' README (a = 6.255414, b = 7.3049974, e = 0.6254804, so A = 520.82, B = 1487.72, E = 1.8691;
    /// alpha = beta = 0.3526596; R_D* = 15.387756; R_N* = 5.309743), fitted on C4.
    /// </summary>
    public static PublishedLaw Muennighoff { get; } = new("muennighoff",
        new DataConstrainedLaw(E: Math.Exp(0.6254804), A: Math.Exp(6.255414), B: Math.Exp(7.3049974), Alpha: 0.3526596, Beta: 0.3526596,
            RStarD: 15.387756, RStarN: 5.309743),
        "Muennighoff et al. 2023, 'Scaling Data-Constrained Language Models', parametric fit (github.com/huggingface/datablations)",
        "N total parameters; D tokens seen (repeats included); U unique tokens; loss on C4 (GPT-2 tokenizer)");

    /// <summary>Every published set.</summary>
    public static IReadOnlyList<PublishedLaw> All { get; } = [Hoffmann, Epoch, Kaplan, KaplanParams, KaplanTokens, KaplanCompute, Muennighoff];

    /// <summary>Looks a set up by name (case-insensitive), or null.</summary>
    public static PublishedLaw? Find(string name) =>
        All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
}
