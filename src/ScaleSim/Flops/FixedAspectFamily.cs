namespace ScaleSim.Flops;

/// <summary>
/// Pearce &amp; Song (2024), "Reconciling Kaplan and Chinchilla Scaling Laws", and their analysis script: transformer shapes at a fixed aspect
/// ratio A = d_model/n_layer, with N_\E = 12·n_layer·d_model² non-embedding parameters and V·d_model embedding
/// parameters (plus n_ctx·d_model for learned positions), so that
/// N_T = N_\E + ω·N_\E^(1/3) with ω = (V + n_ctx)·(A/12)^(1/3).
/// </summary>
/// <param name="Vocab">Vocabulary size V (Pearce &amp; Song: 32,000, Chinchilla's).</param>
/// <param name="AspectRatio">d_model/n_layer (Pearce &amp; Song: 39.2, from Chinchilla's model table).</param>
/// <param name="PositionEmbeddings">Learned position embeddings per d_model, the context length when they are learned;
/// 0 for rotary or relative positions (Pearce &amp; Song leave them out).</param>
public sealed record FixedAspectFamily(double Vocab = 32000, double AspectRatio = 39.2, double PositionEmbeddings = 0)
{
    /// <summary>The family Pearce &amp; Song use: V = 32,000, A = 39.2, no position embeddings (ω ≈ 47,481; they fit 47,491 to Chinchilla's model table).</summary>
    public static FixedAspectFamily PearceSong { get; } = new();

    /// <summary>ω in N_T = N_\E + ω·N_\E^(1/3).</summary>
    public double Omega => (Vocab + PositionEmbeddings) * Math.Cbrt(AspectRatio / 12);

    /// <summary>d_model of the member with <paramref name="nonEmbedding"/> non-embedding parameters: (A·N_\E/12)^(1/3).</summary>
    public double DModel(double nonEmbedding) => Math.Cbrt(AspectRatio * nonEmbedding / 12);

    /// <summary>N_T for a non-embedding count (Pearce &amp; Song 2024).</summary>
    public double TotalFromNonEmbedding(double nonEmbedding) => nonEmbedding + Omega * Math.Cbrt(nonEmbedding);

    /// <summary>N_\E for a total count: the root of y³ + ω·y = N_T in y = N_\E^(1/3), by Newton's method from above.</summary>
    public double NonEmbeddingFromTotal(double total)
    {
        if (!(total > 0)) throw new InputException($"parameter count must be positive, got {total}");
        double y = Math.Cbrt(total);
        for (int i = 0; i < 100; i++)
        {
            // f is increasing and convex for y > 0 and f(cbrt(N_T)) ≥ 0, so the iterates fall monotonically to the root.
            double step = (y * y * y + Omega * y - total) / (3 * y * y + Omega);
            y -= step;
            if (Math.Abs(step) <= 1e-14 * y) break;
        }
        return y * y * y;
    }

    /// <summary>Converts a parameter count between conventions.</summary>
    public double Convert(double parameters, ParameterConvention from, ParameterConvention to) => (from, to) switch
    {
        (ParameterConvention.NonEmbedding, ParameterConvention.Total) => TotalFromNonEmbedding(parameters),
        (ParameterConvention.Total, ParameterConvention.NonEmbedding) => NonEmbeddingFromTotal(parameters),
        _ => parameters,
    };

    /// <summary>Throws <see cref="InputException"/> unless the vocabulary and aspect ratio are positive.</summary>
    public void Validate()
    {
        if (!(Vocab > 0) || !double.IsFinite(Vocab)) throw InputException.About($"{InputName.Of("vocab")} must be a positive number, got {Vocab}");
        if (!(AspectRatio > 0) || !double.IsFinite(AspectRatio)) throw InputException.About($"{InputName.Of("aspect_ratio")} must be a positive number, got {AspectRatio}");
        if (!(PositionEmbeddings >= 0)) throw new InputException($"position embeddings must be non-negative, got {PositionEmbeddings}");
    }
}
