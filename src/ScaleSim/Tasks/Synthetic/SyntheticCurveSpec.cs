namespace ScaleSim.Tasks.Synthetic;

/// <summary>
/// How synthetic task curves are drawn: how many scales over how many decades, from which smallest scale, with how
/// many examples per score and which chance levels. The defaults are those of the classifier test.
/// </summary>
public sealed record SyntheticCurveSpec
{
    /// <summary>Fewest scales per curve.</summary>
    public int MinScales { get; init; } = 8;

    /// <summary>Most scales per curve.</summary>
    public int MaxScales { get; init; } = 15;

    /// <summary>Narrowest span of scales, in decades.</summary>
    public double MinDecades { get; init; } = 3;

    /// <summary>Widest span of scales, in decades.</summary>
    public double MaxDecades { get; init; } = 5;

    /// <summary>Range of log10 of the smallest scale (parameters by default).</summary>
    public (double Low, double High) FirstScaleLog10 { get; init; } = (7, 9);

    /// <summary>Examples per score; each curve draws one (unless <see cref="GaussianNoise"/> is set).</summary>
    public IReadOnlyList<int> ExampleCounts { get; init; } = [200, 500, 1000];

    /// <summary>
    /// When set, scores are the truth plus Gaussian noise of a standard deviation each curve draws uniformly from this
    /// range (clipped to [0, 1]), and the curves do not say how many examples are behind a score: the case of a table
    /// copied from a paper or a leaderboard. When null, scores are binomial with <see cref="ExampleCounts"/>.
    /// </summary>
    public (double Low, double High)? GaussianNoise { get; init; }

    /// <summary>Chance levels; each curve draws one (0 is exact match, 0.25 four-way and 0.5 two-way multiple choice).</summary>
    public IReadOnlyList<double> ChanceLevels { get; init; } = [0, 0.25, 0.5];
}
