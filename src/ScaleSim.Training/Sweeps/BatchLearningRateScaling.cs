namespace ScaleSim.Training.Sweeps;

/// <summary>How the batch rule changes the learning rate of a run whose batch it shrinks.</summary>
public enum BatchLearningRateScaling
{
    /// <summary>The same η = c / d_model at every batch.</summary>
    None,

    /// <summary>
    /// η = c·√(B / B_max) / d_model: Adam's square-root scaling rule (Malladi et al. 2022, "On the SDEs and Scaling Rules
    /// for Adaptive Gradient Algorithms", Definition 2.5). The learning-rate × batch grid (experiments/tiny-lr-batch)
    /// found the best c halve from batch 8 to batch 2 at d_model 48 and 96, as this rule says, so the tiny-chinchilla
    /// experiments use it.
    /// </summary>
    SquareRoot,
}
