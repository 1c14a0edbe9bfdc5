namespace ScaleSim.Training.Model;

/// <summary>
/// The single flat layout shared by parameters, gradients and both AdamW moments on every backend (llm.c's
/// <c>ParameterTensors</c>): one float vector, tensors in the order below, per-block tensors stacked over layers,
/// linear weights stored (out_features, in_features) like <c>nn.Linear</c>. A backend keeps four vectors of
/// <see cref="Count"/> floats in this layout and nothing else that outlives a step.
/// </summary>
public sealed class ParameterLayout
{
    /// <summary>Builds the layout of a model.</summary>
    public ParameterLayout(TinyGpt model)
    {
        Model = model;
        int c = model.DModel, l = model.Layers, offset = 0;
        var tensors = new List<ParameterTensor>();
        ParameterTensor Add(string name, int layers, int rows, int columns, bool decay)
        {
            var t = new ParameterTensor(name, offset, layers, rows, columns, decay);
            offset = checked(offset + t.Length);
            tensors.Add(t);
            return t;
        }

        TokenEmbedding = Add("wte", 1, model.Vocab, c, decay: true);
        PositionEmbedding = Add("wpe", 1, model.Context, c, decay: true);
        Ln1Weight = Add("ln1.weight", l, c, 1, decay: false);
        Ln1Bias = Add("ln1.bias", l, c, 1, decay: false);
        QkvWeight = Add("attn.qkv.weight", l, 3 * c, c, decay: true);
        QkvBias = Add("attn.qkv.bias", l, 3 * c, 1, decay: false);
        AttentionProjectionWeight = Add("attn.proj.weight", l, c, c, decay: true);
        AttentionProjectionBias = Add("attn.proj.bias", l, c, 1, decay: false);
        Ln2Weight = Add("ln2.weight", l, c, 1, decay: false);
        Ln2Bias = Add("ln2.bias", l, c, 1, decay: false);
        MlpUpWeight = Add("mlp.fc.weight", l, 4 * c, c, decay: true);
        MlpUpBias = Add("mlp.fc.bias", l, 4 * c, 1, decay: false);
        MlpDownWeight = Add("mlp.proj.weight", l, c, 4 * c, decay: true);
        MlpDownBias = Add("mlp.proj.bias", l, c, 1, decay: false);
        FinalLnWeight = Add("lnf.weight", 1, c, 1, decay: false);
        FinalLnBias = Add("lnf.bias", 1, c, 1, decay: false);
        Tensors = tensors;
        Count = offset;
    }

    /// <summary>The model this layout belongs to.</summary>
    public TinyGpt Model { get; }

    /// <summary>Every tensor, in storage order.</summary>
    public IReadOnlyList<ParameterTensor> Tensors { get; }

    /// <summary>Total floats, equal to <see cref="TinyGpt.Parameters"/>.</summary>
    public int Count { get; }

    /// <summary>wte (V, d), also the output head.</summary>
    public ParameterTensor TokenEmbedding { get; }

    /// <summary>wpe (T, d).</summary>
    public ParameterTensor PositionEmbedding { get; }

    /// <summary>ln_1 gain (L, d).</summary>
    public ParameterTensor Ln1Weight { get; }

    /// <summary>ln_1 bias (L, d).</summary>
    public ParameterTensor Ln1Bias { get; }

    /// <summary>Fused query/key/value projection (L, 3d, d); rows [0,d) queries, [d,2d) keys, [2d,3d) values.</summary>
    public ParameterTensor QkvWeight { get; }

    /// <summary>Query/key/value bias (L, 3d).</summary>
    public ParameterTensor QkvBias { get; }

    /// <summary>Attention output projection (L, d, d), a residual projection.</summary>
    public ParameterTensor AttentionProjectionWeight { get; }

    /// <summary>Attention output bias (L, d).</summary>
    public ParameterTensor AttentionProjectionBias { get; }

    /// <summary>ln_2 gain (L, d).</summary>
    public ParameterTensor Ln2Weight { get; }

    /// <summary>ln_2 bias (L, d).</summary>
    public ParameterTensor Ln2Bias { get; }

    /// <summary>MLP input projection (L, 4d, d).</summary>
    public ParameterTensor MlpUpWeight { get; }

    /// <summary>MLP input bias (L, 4d).</summary>
    public ParameterTensor MlpUpBias { get; }

    /// <summary>MLP output projection (L, d, 4d), a residual projection.</summary>
    public ParameterTensor MlpDownWeight { get; }

    /// <summary>MLP output bias (L, d).</summary>
    public ParameterTensor MlpDownBias { get; }

    /// <summary>Final LayerNorm gain (d).</summary>
    public ParameterTensor FinalLnWeight { get; }

    /// <summary>Final LayerNorm bias (d).</summary>
    public ParameterTensor FinalLnBias { get; }

    /// <summary>Looks a tensor up by name.</summary>
    public ParameterTensor this[string name] =>
        Tensors.FirstOrDefault(t => t.Name == name) ?? throw new KeyNotFoundException($"no parameter tensor '{name}'");
}
