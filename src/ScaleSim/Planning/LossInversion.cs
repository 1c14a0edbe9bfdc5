using ScaleSim.Laws;

namespace ScaleSim.Planning;

/// <summary>Reads a joint law backwards: the data a model size needs to reach a loss, and the smallest model that can.</summary>
public static class LossInversion
{
    /// <summary>Largest log D or log N searched (about 1e100).</summary>
    private const double MaxLog = 230;

    /// <summary>
    /// The tokens at which N parameters reach <paramref name="targetLoss"/>; +∞ when no amount of data does. Closed form
    /// for Chinchilla, D = (B/(L − E − A/N^alpha))^(1/beta); bisection in log D otherwise (loss falls with D).
    /// </summary>
    public static double TokensForLoss(IJointLossLaw law, double n, double targetLoss)
    {
        if (law is ChinchillaLaw c)
        {
            double remaining = targetLoss - c.E - c.A / Math.Pow(n, c.Alpha);
            return remaining <= 0 ? double.PositiveInfinity : Math.Pow(c.B / remaining, 1 / c.Beta);
        }
        if (law.Loss(n, Math.Exp(MaxLog)) > targetLoss) return double.PositiveInfinity;
        if (law.Loss(n, 1) <= targetLoss) return 1;
        return Math.Exp(Bisect(logD => law.Loss(n, Math.Exp(logD)) - targetLoss));
    }

    /// <summary>The smallest N that reaches <paramref name="targetLoss"/> with unlimited data; +∞ when none does.</summary>
    public static double MinimumParamsForLoss(IJointLossLaw law, double targetLoss)
    {
        if (law is ChinchillaLaw c)
            return targetLoss <= c.E ? double.PositiveInfinity : Math.Pow(c.A / (targetLoss - c.E), 1 / c.Alpha);
        double unlimited = Math.Exp(MaxLog);
        if (law.Loss(unlimited, unlimited) > targetLoss) return double.PositiveInfinity;
        if (law.Loss(1, unlimited) <= targetLoss) return 1;
        return Math.Exp(Bisect(logN => law.Loss(Math.Exp(logN), unlimited) - targetLoss));
    }

    /// <summary>The root in [0, MaxLog] of a function that falls from positive to non-positive.</summary>
    private static double Bisect(Func<double, double> falling)
    {
        double lo = 0, hi = MaxLog;
        for (int i = 0; i < 200 && hi - lo > 1e-13; i++)
        {
            double mid = 0.5 * (lo + hi);
            if (falling(mid) > 0) lo = mid; else hi = mid;
        }
        return hi;
    }
}
