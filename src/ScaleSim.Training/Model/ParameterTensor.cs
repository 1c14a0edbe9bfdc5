namespace ScaleSim.Training.Model;

/// <summary>
/// One named tensor inside the flat parameter vector. Per-block tensors are stacked over layers, llm.c style:
/// layer l of <c>attn.qkv.weight</c> starts at <c>Offset + l·LayerLength</c>.
/// </summary>
/// <param name="Name">PyTorch-like name, e.g. <c>attn.qkv.weight</c>.</param>
/// <param name="Offset">First element in the flat vector.</param>
/// <param name="Layers">Number of stacked copies (L for per-block tensors, 1 otherwise).</param>
/// <param name="Rows">Rows of one copy (output features for a linear weight, as in <c>nn.Linear</c>).</param>
/// <param name="Columns">Columns of one copy (input features for a linear weight); 1 for vectors.</param>
/// <param name="WeightDecay">Whether AdamW decays it (matrices and embeddings yes; biases and LayerNorm no, as nanoGPT).</param>
public sealed record ParameterTensor(string Name, int Offset, int Layers, int Rows, int Columns, bool WeightDecay)
{
    /// <summary>Elements of one layer's copy.</summary>
    public int LayerLength => Rows * Columns;

    /// <summary>Elements over all layers.</summary>
    public int Length => Layers * LayerLength;

    /// <summary>Offset of layer <paramref name="layer"/>'s copy.</summary>
    public int OffsetOf(int layer) => Offset + layer * LayerLength;
}
