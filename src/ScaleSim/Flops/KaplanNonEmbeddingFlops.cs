namespace ScaleSim.Flops;

/// <summary>
/// Kaplan et al. (2020, §2.1): C ≈ 6·N·D with N the non-embedding parameter count; with
/// <see cref="IncludeAttention"/> the context term of their Table 1 is added, C_forward = 2N + 2·n_layer·n_ctx·d_attn.
/// </summary>
public sealed class KaplanNonEmbeddingFlops(bool includeAttention = false) : IFlopModel
{
    /// <summary>Whether the attention-context term 6·n_layer·n_ctx·d_attn per token is counted.</summary>
    public bool IncludeAttention { get; } = includeAttention;

    /// <inheritdoc />
    public string Name => IncludeAttention ? "6n-attention" : "kaplan";

    /// <inheritdoc />
    public string Description => IncludeAttention
        ? "C = (6·N + 6·n_layer·n_ctx·d_attn)·D, N = non-embedding parameters"
        : "C = 6·N·D, N = non-embedding parameters";

    /// <inheritdoc />
    public double TrainingFlopsPerToken(ModelSize model)
    {
        double n = model.NonEmbeddingParameters ?? model.Shape?.KaplanNonEmbeddingParams
            ?? throw new InputException($"FLOP model '{Name}' needs the non-embedding parameter count or the model shape");
        if (!IncludeAttention) return 6.0 * n;
        var s = model.Shape ?? throw new InputException($"FLOP model '{Name}' needs the model shape (layers, context, d_model)");
        // Kaplan et al. 2020, Table 1: C_forward = 2N + 2·n_layer·n_ctx·d_attn; training is 3× forward.
        return 6.0 * n + 6.0 * s.Layers * s.Context * s.AttentionWidth;
    }
}
