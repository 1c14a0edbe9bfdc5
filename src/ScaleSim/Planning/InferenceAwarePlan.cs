namespace ScaleSim.Planning;

/// <summary>An inference-aware plan beside the Chinchilla-optimal model that reaches the same loss.</summary>
/// <param name="InferenceAware">The model with the least training-plus-inference compute for its loss.</param>
/// <param name="ComputeOptimal">The model with the least training compute for the same loss, with the same inference demand.</param>
public sealed record InferenceAwarePlan(LifetimeCost InferenceAware, LifetimeCost ComputeOptimal)
{
    /// <summary>Lifetime FLOPs the inference-aware model saves against the compute-optimal one.</summary>
    public double FlopsSaved => ComputeOptimal.TotalFlops - InferenceAware.TotalFlops;

    /// <summary><see cref="FlopsSaved"/> as a fraction of the compute-optimal model's lifetime FLOPs.</summary>
    public double FractionSaved => FlopsSaved / ComputeOptimal.TotalFlops;
}
