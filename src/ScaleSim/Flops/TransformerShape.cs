namespace ScaleSim.Flops;

/// <summary>
/// The shape of a decoder-only transformer, enough to count its parameters and FLOPs.
/// </summary>
/// <param name="Layers">Number of transformer blocks.</param>
/// <param name="DModel">Residual stream width.</param>
/// <param name="Heads">Attention heads per block.</param>
/// <param name="Context">Sequence length the model is trained at.</param>
/// <param name="Vocab">Vocabulary size.</param>
/// <param name="FfwSize">MLP hidden width; 4·d_model when null.</param>
/// <param name="KeySize">Per-head key/query/value width; d_model/heads when null.</param>
public sealed record TransformerShape(int Layers, int DModel, int Heads, int Context, int Vocab, int? FfwSize = null, int? KeySize = null)
{
    /// <summary>MLP hidden width.</summary>
    public int FfwWidth => FfwSize ?? 4 * DModel;

    /// <summary>Per-head width of keys, queries and values.</summary>
    public int HeadSize => KeySize ?? DModel / Heads;

    /// <summary>Total attention width, heads × head size (Kaplan's d_attn).</summary>
    public int AttentionWidth => Heads * HeadSize;

    /// <summary>
    /// Non-embedding parameters as Kaplan et al. (2020, Table 1) count them: 2·d_model·n_layer·(2·d_attn + d_ff),
    /// weights only (biases and LayerNorm gains are sub-leading and left out).
    /// </summary>
    public double KaplanNonEmbeddingParams => 2.0 * DModel * Layers * (2.0 * AttentionWidth + FfwWidth);

    /// <summary>Token-embedding parameters, vocab × d_model (tied with the output layer, so counted once).</summary>
    public double EmbeddingParams => (double)Vocab * DModel;

    /// <summary>Throws <see cref="InputException"/> unless every size is positive and heads divide d_model.</summary>
    public void Validate()
    {
        if (Layers <= 0) throw InputException.About($"{InputName.Of("layers")} must be positive, got {Layers}");
        if (DModel <= 0) throw InputException.About($"{InputName.Of("d_model")} must be positive, got {DModel}");
        if (Heads <= 0) throw InputException.About($"{InputName.Of("heads")} must be positive, got {Heads}");
        if (Context <= 0) throw InputException.About($"{InputName.Of("context")} must be positive, got {Context}");
        if (Vocab <= 0) throw InputException.About($"{InputName.Of("vocab")} must be positive, got {Vocab}");
        if (KeySize is null && DModel % Heads != 0)
            throw InputException.About($"{InputName.Of("d_model")} {DModel} is not divisible by {InputName.Of("heads")} {Heads}");
        if (FfwSize is <= 0) throw InputException.About($"{InputName.Of("ffw_size")} must be positive, got {FfwSize}");
        if (KeySize is <= 0) throw InputException.About($"{InputName.Of("key_size")} must be positive, got {KeySize}");
    }
}
