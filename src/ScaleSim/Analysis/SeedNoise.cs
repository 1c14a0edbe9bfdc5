namespace ScaleSim.Analysis;

/// <summary>How much a budget's final losses move with the seed alone.</summary>
/// <param name="Flops">The budget.</param>
/// <param name="Points">Its sizes.</param>
/// <param name="Seeds">Distinct seeds among its runs.</param>
/// <param name="MinSeedsPerPoint">The fewest seeds any of its sizes has.</param>
/// <param name="LogLossStd">The pooled standard deviation of log loss across seeds at one size (≈ the relative
/// standard deviation of the loss), or null when no size has two seeds.</param>
public sealed record SeedNoise(double Flops, int Points, int Seeds, int MinSeedsPerPoint, double? LogLossStd);
