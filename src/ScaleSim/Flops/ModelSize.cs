namespace ScaleSim.Flops;

/// <summary>
/// What a FLOP model may need to know about a model: its parameter counts and, when known, its shape.
/// </summary>
/// <param name="Parameters">Total parameters (embeddings included).</param>
/// <param name="NonEmbeddingParameters">Parameters outside the token and position embeddings; null when unknown.</param>
/// <param name="Shape">The transformer shape; null when only counts are known.</param>
public sealed record ModelSize(double Parameters, double? NonEmbeddingParameters = null, TransformerShape? Shape = null)
{
    /// <summary>A model known only by its total parameter count.</summary>
    public static ModelSize FromParameters(double parameters) => new(parameters);
}
