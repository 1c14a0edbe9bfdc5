namespace ScaleSim.Tasks.Artifacts;

/// <summary>
/// Exact match and partial credit predicted from the same per-token accuracies, with scores sampled as an evaluation
/// of a stated number of examples would observe them, and each sampled curve analysed and classified.
/// </summary>
/// <param name="Lengths">The sequence lengths L.</param>
/// <param name="Examples">Examples per sampled score.</param>
/// <param name="Points">Predicted metrics per model.</param>
/// <param name="PartialCredit">The analysis of the sampled partial-credit curve.</param>
/// <param name="ExactMatch">The analysis of each sampled exact-match curve, one per length.</param>
public sealed record MetricArtifactResult(
    IReadOnlyList<int> Lengths,
    int Examples,
    IReadOnlyList<ArtifactPoint> Points,
    TaskCurveResult PartialCredit,
    IReadOnlyList<TaskCurveResult> ExactMatch);
