namespace ScaleSim.Tasks;

/// <summary>Which way a metric improves: a score rises with skill, a loss falls.</summary>
public enum MetricDirection
{
    /// <summary>A score: a fraction in [0, 1], higher is better (accuracy, exact match).</summary>
    HigherIsBetter,

    /// <summary>A loss: positive with no upper bound, lower is better (cross-entropy, perplexity, error).</summary>
    LowerIsBetter,
}
