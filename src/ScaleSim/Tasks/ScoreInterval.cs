namespace ScaleSim.Tasks;

/// <summary>A confidence interval for a score that is the fraction of n examples answered right.</summary>
/// <param name="Low">The lower bound, at least 0.</param>
/// <param name="High">The upper bound, at most 1.</param>
public sealed record ScoreInterval(double Low, double High)
{
    /// <summary>
    /// The Wilson score interval (Wilson 1927, JASA 22: 209) at <paramref name="z"/> standard normal deviates (1.96
    /// for 95%). Unlike the Wald interval p ± z·√(p(1 − p)/n) it stays within [0, 1] and keeps a width at a score of 0
    /// or 1, which task curves of small models hit often.
    /// </summary>
    /// <param name="score">The fraction right, in [0, 1].</param>
    /// <param name="examples">How many examples it is the fraction of (n ≥ 1).</param>
    /// <param name="z">Standard normal deviates of the interval's half-width (positive).</param>
    public static ScoreInterval Wilson(double score, double examples, double z = 1.96)
    {
        if (!(score >= 0 && score <= 1)) throw new ArgumentOutOfRangeException(nameof(score), score, "a score with a binomial interval is a fraction in [0, 1]");
        if (!(examples >= 1) || double.IsInfinity(examples)) throw new ArgumentOutOfRangeException(nameof(examples), examples, "examples must be at least 1");
        if (!(z > 0) || double.IsInfinity(z)) throw new ArgumentOutOfRangeException(nameof(z), z, "z must be positive");
        double z2n = z * z / examples;
        double centre = (score + z2n / 2) / (1 + z2n);
        double half = z / (1 + z2n) * Math.Sqrt(score * (1 - score) / examples + z2n / (4 * examples));
        // The interval holds the score exactly; rounding alone could leave 1 − 1e-16 as the high end of a score of 1.
        return new ScoreInterval(Math.Clamp(centre - half, 0, score), Math.Clamp(centre + half, score, 1));
    }
}
