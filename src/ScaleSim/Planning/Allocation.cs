namespace ScaleSim.Planning;

/// <summary>A split of a compute budget into parameters and tokens, with the loss a law predicts for it.</summary>
/// <param name="Flops">Training compute C = 6·N·D.</param>
/// <param name="Params">Parameters N.</param>
/// <param name="Tokens">Training tokens D.</param>
/// <param name="Loss">Predicted loss.</param>
public sealed record Allocation(double Flops, double Params, double Tokens, double Loss)
{
    /// <summary>Tokens per parameter, D/N (about 20 for Chinchilla).</summary>
    public double TokensPerParam => Tokens / Params;
}
