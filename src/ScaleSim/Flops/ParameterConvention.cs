namespace ScaleSim.Flops;

/// <summary>
/// How a parameter count N is counted. Kaplan et al. (2020) count non-embedding parameters, Hoffmann et al. (2022) all
/// of them; Pearce &amp; Song (2024) trace most of the gap between the two papers' allocation rules to this choice.
/// </summary>
public enum ParameterConvention
{
    /// <summary>Every parameter, embeddings included (Hoffmann et al. 2022).</summary>
    Total,

    /// <summary>Parameters outside the token and position embeddings (Kaplan et al. 2020).</summary>
    NonEmbedding,
}
