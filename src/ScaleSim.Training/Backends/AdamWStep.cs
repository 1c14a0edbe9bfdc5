namespace ScaleSim.Training.Backends;

/// <summary>
/// The scalars of one AdamW update, as PyTorch's <c>torch.optim.AdamW</c> applies them (Loshchilov &amp; Hutter 2019,
/// decoupled weight decay): with g = <see cref="GradientScale"/>·∇,
/// m ← β₁m + (1−β₁)g; v ← β₂v + (1−β₂)g²; θ ← θ·(1 − η·λ) − η/(1−β₁ᵗ) · m / (√v/√(1−β₂ᵗ) + ε),
/// the decay λ applied only to tensors with <see cref="Model.ParameterTensor.WeightDecay"/>.
/// </summary>
/// <param name="LearningRate">η for this step (after warm-up and decay).</param>
/// <param name="Beta1">β₁.</param>
/// <param name="Beta2">β₂.</param>
/// <param name="Epsilon">ε.</param>
/// <param name="WeightDecay">λ.</param>
/// <param name="Step">t, 1-based count of updates including this one.</param>
/// <param name="GradientScale">Multiplier on the gradient; min(1, clip / ‖∇‖) implements global-norm clipping.</param>
public readonly record struct AdamWStep(
    double LearningRate, double Beta1, double Beta2, double Epsilon, double WeightDecay, long Step, double GradientScale)
{
    /// <summary>η / (1 − β₁ᵗ).</summary>
    public double StepSize => LearningRate / (1 - Math.Pow(Beta1, Step));

    /// <summary>√(1 − β₂ᵗ).</summary>
    public double SecondMomentCorrection => Math.Sqrt(1 - Math.Pow(Beta2, Step));
}
