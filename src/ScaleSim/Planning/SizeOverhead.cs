namespace ScaleSim.Planning;

/// <summary>A model smaller than compute-optimal trained to the same loss: its size, data and the extra compute it costs.</summary>
/// <param name="SizeFraction">N/N_opt (below 1 for smaller models).</param>
/// <param name="Params">N.</param>
/// <param name="Tokens">The tokens at which N reaches the compute-optimal loss; +∞ past the critical size.</param>
/// <param name="Flops">6·N·D; +∞ past the critical size.</param>
/// <param name="Overhead">Flops / C_opt − 1: the extra training compute as a fraction (1 = twice the compute).</param>
public sealed record SizeOverhead(double SizeFraction, double Params, double Tokens, double Flops, double Overhead)
{
    /// <summary>How many times smaller than compute-optimal the model is, N_opt/N.</summary>
    public double Shrink => 1 / SizeFraction;

    /// <summary>Whether any amount of data lets this size reach the loss.</summary>
    public bool Reachable => double.IsFinite(Flops);
}
