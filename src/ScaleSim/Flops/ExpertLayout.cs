namespace ScaleSim.Flops;

/// <summary>
/// A fine-grained mixture-of-experts layout (Krajewski et al. 2024): every feed-forward layer becomes
/// E·G experts, each G times narrower than the dense feed-forward layer, with G of them active per token, so the
/// active parameters equal the dense model's while the total grows about E-fold in the feed-forward layers.
/// </summary>
/// <param name="ExpansionRate">E: total expert parameters over one dense feed-forward layer's (the expert count when G = 1).</param>
/// <param name="Granularity">G: how many times smaller each expert is than the dense feed-forward layer.</param>
public sealed record ExpertLayout(double ExpansionRate, double Granularity = 1)
{
    /// <summary>Experts per layer, E·G.</summary>
    public double ExpertCount => ExpansionRate * Granularity;

    /// <summary>Active non-embedding parameters per token: attention plus one dense feed-forward layer's worth (router left out).</summary>
    public static double ActiveParams(TransformerShape shape) => shape.KaplanNonEmbeddingParams;

    /// <summary>Router weights, d_model × E·G per layer.</summary>
    public double RouterParams(TransformerShape shape) => (double)shape.Layers * shape.DModel * ExpertCount;

    /// <summary>Total non-embedding parameters: attention, E dense feed-forward layers' worth of experts, and the router.</summary>
    public double TotalParams(TransformerShape shape)
    {
        double attention = 2.0 * shape.DModel * 2.0 * shape.AttentionWidth;
        double experts = ExpansionRate * 2.0 * shape.DModel * shape.FfwWidth;
        return shape.Layers * (attention + experts) + RouterParams(shape);
    }

    /// <summary>Throws <see cref="InputException"/> unless E ≥ 1 and G ≥ 1.</summary>
    public void Validate()
    {
        if (!double.IsFinite(ExpansionRate) || ExpansionRate < 1)
            throw InputException.About($"{InputName.Of("expansion_rate")} must be a number at least 1, got {ExpansionRate}");
        if (!double.IsFinite(Granularity) || Granularity < 1)
            throw InputException.About($"{InputName.Of("granularity")} must be a number at least 1, got {Granularity}");
    }
}
