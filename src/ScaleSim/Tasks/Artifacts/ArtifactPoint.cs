namespace ScaleSim.Tasks.Artifacts;

/// <summary>The metrics one model's per-token accuracy predicts.</summary>
/// <param name="Model">The model's name.</param>
/// <param name="Scale">Its scale.</param>
/// <param name="TokenLoss">Per-token loss (nats), when the accuracy came from it.</param>
/// <param name="TokenAccuracy">Per-token accuracy p.</param>
/// <param name="ExactMatch">Predicted exact match p^L, one per sequence length.</param>
/// <param name="PartialCredit">Predicted partial credit (expected fraction of tokens right), p.</param>
public sealed record ArtifactPoint(string Model, double Scale, double? TokenLoss, double TokenAccuracy, IReadOnlyList<double> ExactMatch, double PartialCredit);
