namespace ScaleSim.Planning;

/// <summary>
/// A model's compute over its life (Sardana et al. 2024): training 6·N·D_train plus inference 2·N·D_inference.
/// </summary>
/// <param name="Params">Parameters N.</param>
/// <param name="TrainingTokens">Training tokens D_train.</param>
/// <param name="InferenceTokens">Tokens the model will process at inference, D_inference.</param>
/// <param name="Loss">The loss the law predicts after training.</param>
public sealed record LifetimeCost(double Params, double TrainingTokens, double InferenceTokens, double Loss)
{
    /// <summary>Training FLOPs, 6·N·D_train.</summary>
    public double TrainingFlops => 6.0 * Params * TrainingTokens;

    /// <summary>Inference FLOPs, 2·N·D_inference (one forward pass per token).</summary>
    public double InferenceFlops => 2.0 * Params * InferenceTokens;

    /// <summary>Training plus inference FLOPs.</summary>
    public double TotalFlops => TrainingFlops + InferenceFlops;

    /// <summary>Training tokens per parameter.</summary>
    public double TokensPerParam => TrainingTokens / Params;
}
