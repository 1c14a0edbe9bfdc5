namespace ScaleSim.Flops;

/// <summary>C = 6·N·D with N the total parameter count (Kaplan et al. 2020, §2.1; used by Hoffmann et al. 2022 for its fits).</summary>
public sealed class SixNFlops : IFlopModel
{
    /// <inheritdoc />
    public string Name => "6nd";

    /// <inheritdoc />
    public string Description => "C = 6·N·D, N = total parameters";

    /// <inheritdoc />
    public double TrainingFlopsPerToken(ModelSize model) => 6.0 * model.Parameters;
}
