using ScaleSim.Flops;

namespace ScaleSim.Training.Model;

/// <summary>
/// A tiny decoder-only transformer, the architecture of ../shared/peers/torch_gpt_peer.py and nanoGPT: token
/// embedding tied with the output head, learned positions, pre-LayerNorm blocks of causal multi-head attention and a
/// GELU MLP of width 4·d_model, a final LayerNorm, biases on.
/// </summary>
/// <param name="Layers">Transformer blocks.</param>
/// <param name="DModel">Residual stream width.</param>
/// <param name="Heads">Attention heads per block; must divide <paramref name="DModel"/>.</param>
/// <param name="Context">Sequence length trained at.</param>
/// <param name="Vocab">Vocabulary size.</param>
public sealed record TinyGpt(int Layers, int DModel, int Heads, int Context, int Vocab)
{
    /// <summary>The shape the planner's FLOP models read.</summary>
    public TransformerShape Shape => new(Layers, DModel, Heads, Context, Vocab);

    /// <summary>Per-head width, d_model / heads.</summary>
    public int HeadSize => DModel / Heads;

    /// <summary>Token embedding, V·d (tied with the output head, so counted once).</summary>
    public long TokenEmbeddingParameters => (long)Vocab * DModel;

    /// <summary>Learned positions, T·d.</summary>
    public long PositionEmbeddingParameters => (long)Context * DModel;

    /// <summary>
    /// Every parameter outside the two embeddings: per block 2 LayerNorms (4d), QKV (3d²+3d), attention output
    /// (d²+d), MLP in (4d²+4d) and out (4d²+d), i.e. 12d²+13d; plus the final LayerNorm (2d).
    /// </summary>
    public long NonEmbeddingParameters => Layers * (12L * DModel * DModel + 13L * DModel) + 2L * DModel;

    /// <summary>All parameters, what PyTorch's <c>sum(p.numel())</c> reports for the peer.</summary>
    public long Parameters => TokenEmbeddingParameters + PositionEmbeddingParameters + NonEmbeddingParameters;

    /// <summary>What the FLOP models need: both counts and the shape.</summary>
    public ModelSize Size => new(Parameters, NonEmbeddingParameters, Shape);

    /// <summary>Training FLOPs per token (forward and backward) under one counting convention.</summary>
    public double TrainingFlopsPerToken(IFlopModel model) => model.TrainingFlopsPerToken(Size);

    /// <summary>Training FLOPs per token under every convention in <see cref="FlopModels.All"/>, keyed by name.</summary>
    public IReadOnlyDictionary<string, double> TrainingFlopsPerTokenByModel() =>
        FlopModels.All.ToDictionary(m => m.Name, TrainingFlopsPerToken);

    /// <summary>Throws <see cref="InputException"/> naming the option at fault unless the shape is trainable.</summary>
    public void Validate()
    {
        Shape.Validate();
        if (Parameters > int.MaxValue / 4)
            throw new InputException($"model too large for ScaleSim.Training: {Parameters} parameters (at most {int.MaxValue / 4})");
    }

    /// <inheritdoc />
    public override string ToString() => $"L={Layers} d={DModel} H={Heads} T={Context} V={Vocab}";
}
