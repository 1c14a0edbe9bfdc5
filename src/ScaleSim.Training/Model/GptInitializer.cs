namespace ScaleSim.Training.Model;

/// <summary>
/// GPT-2's initialisation as nanoGPT writes it (and the tiny-scaling pilot used): every matrix and both embeddings
/// N(0, σ²) with σ = 0.02; the two residual projections (attention output, MLP output) N(0, (σ/√(2L))²) so the
/// residual stream's variance does not grow with depth; biases 0; LayerNorm gains 1 and biases 0.
/// </summary>
/// <remarks>
/// Draws come from <see cref="Xoshiro256"/> stream 1 of the run seed, tensor by tensor in layout order and element by
/// element within a tensor, so the initial weights are a documented function of (shape, seed). σ does not scale with
/// width: with σ = 0.02 and d ≤ 256 the logits start near zero, and the width dependence of the run lives in the
/// learning-rate rule instead (<see cref="Optimization.LearningRateRule"/>).
/// </remarks>
public static class GptInitializer
{
    /// <summary>GPT-2's σ.</summary>
    public const double DefaultStd = 0.02;

    /// <summary>Stream id of the initialisation draws.</summary>
    public const ulong Stream = 1;

    /// <summary>Fills <paramref name="parameters"/> (laid out by <paramref name="layout"/>) with the initial weights.</summary>
    public static void Initialize(ParameterLayout layout, Span<float> parameters, ulong seed, double std = DefaultStd)
    {
        if (parameters.Length != layout.Count)
            throw new ArgumentException($"expected {layout.Count} parameters, got {parameters.Length}", nameof(parameters));
        var rng = Xoshiro256.ForStream(seed, Stream);
        double residualStd = std / Math.Sqrt(2.0 * layout.Model.Layers);
        foreach (var tensor in layout.Tensors)
        {
            var span = parameters.Slice(tensor.Offset, tensor.Length);
            if (tensor.Columns == 1)
            {
                // Biases and LayerNorm parameters.
                span.Fill(tensor.Name.EndsWith(".weight", StringComparison.Ordinal) ? 1f : 0f);
                continue;
            }
            bool residual = tensor == layout.AttentionProjectionWeight || tensor == layout.MlpDownWeight;
            double s = residual ? residualStd : std;
            for (int i = 0; i < span.Length; i++) span[i] = (float)(s * rng.NextNormal());
        }
    }
}
