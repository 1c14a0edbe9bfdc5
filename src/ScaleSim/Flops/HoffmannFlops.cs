namespace ScaleSim.Flops;

/// <summary>
/// Hoffmann et al. (2022), Appendix F: the exact forward-pass count of a transformer, embeddings,
/// attention (including the quadratic terms and the softmax) and the final logits, with the backward pass
/// counted as twice the forward. Multiply-accumulates count as 2 FLOPs.
/// </summary>
/// <remarks>
/// Table A4 of the paper reports the ratio of this count to 6ND for six shapes but gives neither the
/// sequence length nor the vocabulary behind it, and no (context, vocabulary, parameter convention) we tried
/// reproduces all six ratios; see docs/methods.md.
/// </remarks>
public sealed class HoffmannFlops(bool includeOutputLayer = true) : IFlopModel
{
    /// <summary>Whether the final logits matmul is counted (Porian et al. 2024 trace part of the Kaplan gap to leaving it out).</summary>
    public bool IncludeOutputLayer { get; } = includeOutputLayer;

    /// <inheritdoc />
    public string Name => IncludeOutputLayer ? "hoffmann" : "hoffmann-no-logits";

    /// <inheritdoc />
    public string Description => IncludeOutputLayer
        ? "Hoffmann et al. App. F exact count (attention, embeddings, logits)"
        : "Hoffmann et al. App. F exact count without the final logits";

    /// <inheritdoc />
    public double TrainingFlopsPerToken(ModelSize model)
    {
        var s = model.Shape ?? throw new InputException($"FLOP model '{Name}' needs the model shape (layers, d_model, heads, context, vocab)");
        return 3.0 * ForwardFlopsPerSequence(s, IncludeOutputLayer) / s.Context;
    }

    /// <summary>Forward FLOPs for one sequence of <see cref="TransformerShape.Context"/> tokens, term by term as Appendix F lists them.</summary>
    public static double ForwardFlopsPerSequence(TransformerShape s, bool includeOutputLayer = true)
    {
        double seq = s.Context, d = s.DModel, v = s.Vocab, att = s.AttentionWidth, heads = s.Heads;
        double embeddings = 2 * seq * v * d;
        double qkv = 2 * 3 * seq * d * att;
        double logits = 2 * seq * seq * att;
        double softmax = 3 * heads * seq * seq;
        double reductions = 2 * seq * seq * att;
        double finalLinear = 2 * seq * att * d;
        double dense = 2 * seq * (d * s.FfwWidth + d * s.FfwWidth);
        double output = includeOutputLayer ? 2 * seq * d * v : 0;
        return embeddings + s.Layers * (qkv + logits + softmax + reductions + finalLinear + dense) + output;
    }
}
