namespace ScaleSim.Tasks.Artifacts;

/// <summary>
/// Sequence metrics from per-token success, as Schaeffer et al. (2023, "Are Emergent Abilities of Large Language
/// Models a Mirage?", §2) derive them: with each of L tokens right independently with probability p, exact match is
/// p^L and the expected fraction of tokens right (a partial-credit metric, 1 − token edit distance / L) is p.
/// </summary>
public static class TokenMetrics
{
    /// <summary>Exact match over <paramref name="length"/> tokens: p^L.</summary>
    public static double ExactMatch(double tokenAccuracy, int length)
    {
        Check(tokenAccuracy, length);
        // Schaeffer et al. 2023, §2: Accuracy(N) ≈ p_N(single token correct)^L
        return Math.Pow(tokenAccuracy, length);
    }

    /// <summary>Partial credit over <paramref name="length"/> tokens: the expected fraction of tokens right, p.</summary>
    public static double PartialCredit(double tokenAccuracy, int length)
    {
        Check(tokenAccuracy, length);
        // Schaeffer et al. 2023, §2: Token Edit Distance ≈ L·(1 − p), so 1 − distance/L = p
        return tokenAccuracy;
    }

    /// <summary>Per-token accuracy from per-token cross-entropy: p = exp(−loss), the probability of the right token.</summary>
    public static double TokenAccuracy(double tokenLoss)
    {
        if (!(tokenLoss >= 0) || double.IsInfinity(tokenLoss)) throw new ArgumentOutOfRangeException(nameof(tokenLoss), tokenLoss, "a per-token loss is finite and non-negative");
        // Schaeffer et al. 2023, §2: p_N(single token correct) = exp(−L_CE(N))
        return Math.Exp(-tokenLoss);
    }

    private static void Check(double p, int length)
    {
        if (!(p >= 0 && p <= 1)) throw new ArgumentOutOfRangeException(nameof(p), p, "a per-token accuracy is in [0, 1]");
        if (length < 1) throw new ArgumentOutOfRangeException(nameof(length), length, "a sequence has at least one token");
    }
}
