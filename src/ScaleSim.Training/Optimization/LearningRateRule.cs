using ScaleSim.Training.Model;

namespace ScaleSim.Training.Optimization;

/// <summary>
/// The width-dependent peak learning rate, η = <see cref="Numerator"/> / d_model, so models of different widths are
/// comparable without tuning each one.
/// </summary>
/// <remarks>
/// <para>Why 1/d: under Adam every coordinate moves by about η per step whatever its gradient's scale, so a hidden
/// matrix's contribution to its output moves by about η·fan_in; holding that fixed across widths needs η ∝ 1/fan_in,
/// the μP prescription for hidden weights (Yang et al. 2022, "Tensor Programs V", Table 3). ScaleSim applies the one
/// rate to every tensor (embeddings included) rather than μP's per-tensor rates — a simplification that keeps one
/// optimizer group, as nanoGPT has.</para>
/// <para>Why 0.5: the PyTorch pilot on this machine (shared/notes/tiny-scaling-study.md) swept the numerator at
/// depth 2, head dim 16, d ∈ [16, 128], batch 8×64, AdamW (0.9, 0.95): 0.5/d beat 0.15/d by 0.03–0.2 nats and 1.0/d
/// by up to 0.7 nats at small budgets.</para>
/// </remarks>
/// <param name="Numerator">c in η = c/d.</param>
public sealed record LearningRateRule(double Numerator = LearningRateRule.DefaultNumerator)
{
    /// <summary>The pilot's best numerator.</summary>
    public const double DefaultNumerator = 0.5;

    /// <summary>The rule ScaleSim uses unless told otherwise.</summary>
    public static LearningRateRule Default { get; } = new();

    /// <summary>Peak learning rate for a model.</summary>
    public double PeakFor(TinyGpt model) => Numerator / model.DModel;
}
