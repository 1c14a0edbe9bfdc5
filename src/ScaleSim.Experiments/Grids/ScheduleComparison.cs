namespace ScaleSim.Experiments.Grids;

/// <summary>
/// Warmup-stable-decay branches against cosine runs of the same width, tokens, learning rate, batch and seed: the
/// relative difference of final loss, L_wsd / L_cos − 1, for each pair, their mean, and its 95% bootstrap interval (pairs
/// resampled within each width and token ratio).
/// </summary>
/// <param name="Pairs">Each pair: width, tokens per parameter, numerator, batch, seed and the relative difference.</param>
/// <param name="Mean">The mean relative difference (negative: the branches end lower).</param>
/// <param name="Interval">Its 95% interval.</param>
public sealed record ScheduleComparison(
    IReadOnlyList<(int Width, double TokensPerParam, double Numerator, int Batch, ulong Seed, double Difference)> Pairs,
    double Mean,
    (double Low, double High) Interval);
