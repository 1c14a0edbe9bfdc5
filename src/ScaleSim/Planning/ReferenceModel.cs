namespace ScaleSim.Planning;

/// <summary>A trained model to compare against the laws: its size and training tokens.</summary>
/// <param name="Name">Short name (e.g. chinchilla).</param>
/// <param name="Params">Parameters N.</param>
/// <param name="Tokens">Training tokens D.</param>
/// <param name="Source">Where the numbers come from.</param>
public sealed record ReferenceModel(string Name, double Params, double Tokens, string Source)
{
    /// <summary>Training compute by 6ND.</summary>
    public double Flops => 6.0 * Params * Tokens;
}
