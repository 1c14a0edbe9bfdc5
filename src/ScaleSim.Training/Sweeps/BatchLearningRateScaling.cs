namespace ScaleSim.Training.Sweeps;

/// <summary>How the batch rule changes the learning rate of a run whose batch it shrinks.</summary>
public enum BatchLearningRateScaling
{
    /// <summary>The same η = c / d_model at every batch.</summary>
    None,

    /// <summary>
    /// η = c·√(B / B_max) / d_model: Adam's square-root scaling rule (Malladi et al. 2022, "On the SDEs and Scaling Rules
    /// for Adaptive Gradient Algorithms", Definition 2.5). Whether this source needs it is what the learning-rate × batch
    /// grid (experiments/tiny-lr-batch) measures; no default experiment uses it until that grid says so.
    /// </summary>
    SquareRoot,
}
