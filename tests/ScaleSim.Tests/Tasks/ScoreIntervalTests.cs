using ScaleSim.Tasks;

namespace ScaleSim.Tests.Tasks;

public class ScoreIntervalTests
{
    [Fact]
    public void NoneRightOfTenGivesTheTextbookUpperBound()
    {
        // 0 of 10: the upper bound is z²/n / (1 + z²/n) = 0.38416 / 1.38416 (Wilson 1927; Newcombe 1998, Table I).
        var interval = ScoreInterval.Wilson(0, 10);
        Assert.Equal(0, interval.Low);
        Assert.Equal(0.27754, interval.High, 5);
        var all = ScoreInterval.Wilson(1, 10);
        Assert.Equal(1 - 0.27754, all.Low, 5);
        Assert.Equal(1, all.High);
    }

    [Fact]
    public void BoundsAreWhereTheScoreTestJustRejects()
    {
        // The Wilson interval inverts the score test |p̂ − π| ≤ z·√(π(1 − π)/n): found here by bisection on π,
        // apart from the closed form under test.
        var random = new Random(7);
        for (int k = 0; k < 500; k++)
        {
            int n = random.Next(1, 2000);
            double score = random.Next(0, n + 1) / (double)n;
            var interval = ScoreInterval.Wilson(score, n);
            Assert.Equal(score == 0 ? 0 : Root(score, n, 0, score), interval.Low, 9);
            Assert.Equal(score == 1 ? 1 : Root(score, n, score, 1), interval.High, 9);
            Assert.InRange(score, interval.Low, interval.High);
        }
    }

    [Fact]
    public void CoversTheTrueRateAboutNinetyFivePercentOfTheTime()
    {
        var random = new Random(11);
        foreach (var (rate, n) in new[] { (0.5, 40), (0.1, 100), (0.02, 500), (0.9, 60) })
        {
            int covered = 0, trials = 4000;
            for (int t = 0; t < trials; t++)
            {
                int right = 0;
                for (int i = 0; i < n; i++) if (random.NextDouble() < rate) right++;
                var interval = ScoreInterval.Wilson(right / (double)n, n);
                if (interval.Low <= rate && rate <= interval.High) covered++;
            }
            // Wilson's coverage swings around 95% with n and p (Brown, Cai & DasGupta 2001), never far below it here.
            Assert.InRange(covered / (double)trials, 0.92, 0.98);
        }
    }

    [Fact]
    public void RejectsWhatIsNotAFractionOfExamples()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ScoreInterval.Wilson(1.2, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => ScoreInterval.Wilson(double.NaN, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => ScoreInterval.Wilson(0.5, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ScoreInterval.Wilson(0.5, 10, z: 0));
    }

    private static double Root(double score, int n, double lo, double hi)
    {
        const double z = 1.96;
        // g(π) = (p̂ − π)² − z²π(1 − π)/n is positive outside the interval and negative inside; bisect its sign change.
        double G(double pi) => (score - pi) * (score - pi) - z * z * pi * (1 - pi) / n;
        bool outsideAtLo = G(lo) > 0;
        for (int i = 0; i < 200; i++)
        {
            double mid = (lo + hi) / 2;
            if (G(mid) > 0 == outsideAtLo) lo = mid; else hi = mid;
        }
        return (lo + hi) / 2;
    }
}
