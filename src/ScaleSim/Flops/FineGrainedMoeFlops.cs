namespace ScaleSim.Flops;

/// <summary>
/// Krajewski et al. (2024): training FLOPs per token of a fine-grained mixture of experts,
/// n_blocks·(12·d_model²·c_f + d_model·E·G·c_r), with c_f = 6 FLOPs per active parameter (forward and backward) and
/// c_r = 14 FLOPs per router weight (the router's matmul, softmax and the dispatch and combine operations).
/// ScaleSim counts the active parameters of the actual shape, 2·d_model·(2·d_attn + d_ff) per block, which is 12·d_model²
/// for the standard shape.
/// </summary>
public sealed class FineGrainedMoeFlops(ExpertLayout layout) : IFlopModel
{
    /// <summary>c_f: FLOPs per active parameter per token, forward and backward.</summary>
    public const double FlopsPerActiveParam = 6;

    /// <summary>c_r: FLOPs per router weight per token (Krajewski et al. 2024).</summary>
    public const double RouterFlopsPerWeight = 14;

    /// <summary>The experts counted.</summary>
    public ExpertLayout Layout { get; } = layout;

    /// <inheritdoc />
    public string Name => "moe-fine-grained";

    /// <inheritdoc />
    public string Description => $"C = (6·N_active + 14·n_layer·d_model·E·G)·D, E = {Layout.ExpansionRate:G4}, G = {Layout.Granularity:G4}";

    /// <inheritdoc />
    public double TrainingFlopsPerToken(ModelSize model)
    {
        var s = model.Shape ?? throw new InputException($"FLOP model '{Name}' needs the model shape (layers, d_model)");
        // Krajewski et al. 2024: F = (12·d²·c_f + d·E·G·c_r)·n_blocks per token
        return FlopsPerActiveParam * ExpertLayout.ActiveParams(s) + RouterFlopsPerWeight * Layout.RouterParams(s);
    }

    /// <summary>
    /// FLOPs per token for <paramref name="activeParams"/> active parameters in the standard shape at aspect ratio
    /// d_model/n_layer = <paramref name="aspectRatio"/>: d_model = (A·N/12)^(1/3), n_layer = d_model/A (continuous).
    /// </summary>
    public double FlopsPerToken(double activeParams, double aspectRatio)
    {
        double d = Math.Cbrt(aspectRatio * activeParams / 12);
        double layers = d / aspectRatio;
        return FlopsPerActiveParam * activeParams + RouterFlopsPerWeight * layers * d * Layout.ExpertCount;
    }

    /// <summary>Total non-embedding parameters of the standard shape with <paramref name="activeParams"/> active (continuous n_layer).</summary>
    public double TotalParams(double activeParams, double aspectRatio)
    {
        double d = Math.Cbrt(aspectRatio * activeParams / 12);
        double layers = d / aspectRatio;
        return layers * (4 * d * d + Layout.ExpansionRate * 8 * d * d + d * Layout.ExpertCount);
    }
}
