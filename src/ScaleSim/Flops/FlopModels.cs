namespace ScaleSim.Flops;

/// <summary>The FLOP-counting conventions ScaleSim knows, by name.</summary>
public static class FlopModels
{
    /// <summary>C = 6·N·D with total parameters.</summary>
    public static IFlopModel SixN { get; } = new SixNFlops();

    /// <summary>C = 6·N·D with non-embedding parameters (Kaplan).</summary>
    public static IFlopModel Kaplan { get; } = new KaplanNonEmbeddingFlops();

    /// <summary>Kaplan's non-embedding 6N plus the attention-context term.</summary>
    public static IFlopModel KaplanWithAttention { get; } = new KaplanNonEmbeddingFlops(includeAttention: true);

    /// <summary>Hoffmann et al.'s exact count.</summary>
    public static IFlopModel Hoffmann { get; } = new HoffmannFlops();

    /// <summary>Hoffmann et al.'s exact count without the output layer.</summary>
    public static IFlopModel HoffmannWithoutLogits { get; } = new HoffmannFlops(includeOutputLayer: false);

    /// <summary>Every known convention.</summary>
    public static IReadOnlyList<IFlopModel> All { get; } = [SixN, Kaplan, KaplanWithAttention, Hoffmann, HoffmannWithoutLogits];

    /// <summary>Looks a convention up by name; throws <see cref="InputException"/> naming the choices when unknown.</summary>
    public static IFlopModel Parse(string name) =>
        All.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new InputException($"unknown FLOP model '{name}' (known: {string.Join(", ", All.Select(m => m.Name))})");
}
