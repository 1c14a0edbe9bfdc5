using ScaleSim.Fitting;

namespace ScaleSim.Tests.Fitting;

public class MultiStartMinimizerTests
{
    private static readonly LbfgsSolver Loose = new() { GradientTolerance = 1e-6, ParameterTolerance = 1e-8 };
    private static readonly LbfgsSolver Tight = new() { GradientTolerance = 1e-10, ParameterTolerance = 1e-12 };

    private static MultiStartOptions EveryStart(int threads = 4) =>
        new(Loose, Tight) { Parallel = new ParallelOptions { MaxDegreeOfParallelism = threads } };

    [Fact]
    public void RefiningEveryStartKeepsTheLowestMinimum()
    {
        // (x² − 1)² + 0.3x: the well near x = −1 is lower than the one near x = +1.
        double[][] starts = [[2], [3], [-2], [1.5]];
        var result = MultiStartMinimizer.Minimize(() => new TiltedDoubleWell(0.3), starts, EveryStart())!;
        Assert.InRange(result.Best.Theta[0], -1.1, -1.0);
        Assert.True(result.Best.Converged);
        Assert.Equal(4, result.StartsConverged);
    }

    [Theory]
    [InlineData(-2.0, 2.0)]
    [InlineData(2.0, -2.0)]
    public void TiesGoToTheEarlierStart(double first, double second)
    {
        // Without tilt the wells are mirror images, so starts at ±2 reach bit-identical objectives at ∓1.
        double[][] starts = [[first], [second]];
        var result = MultiStartMinimizer.Minimize(() => new TiltedDoubleWell(0), starts, EveryStart())!;
        Assert.Equal(Math.Sign(first), Math.Sign(result.Best.Theta[0]));
    }

    [Fact]
    public void TheResultDoesNotDependOnTheNumberOfThreads()
    {
        var starts = Enumerable.Range(0, 40).Select(i => new[] { -3 + 0.15 * i }).ToArray();
        var serial = MultiStartMinimizer.Minimize(() => new TiltedDoubleWell(0.05), starts, EveryStart(threads: 1))!;
        var parallel = MultiStartMinimizer.Minimize(() => new TiltedDoubleWell(0.05), starts, EveryStart(threads: 4))!;
        Assert.Equal(serial.Best.Theta, parallel.Best.Theta);
        Assert.Equal(serial.Best.Objective, parallel.Best.Objective);
        Assert.Equal(serial.StartsConverged, parallel.StartsConverged);
    }

    [Fact]
    public void EveryThreadGetsItsOwnObjective()
    {
        var starts = Enumerable.Range(0, 64).Select(i => new[] { -3 + 0.1 * i }).ToArray();
        // An objective evaluated by two threads at once throws, and the search with it.
        var result = MultiStartMinimizer.Minimize(() => new TiltedDoubleWell(0.3, exclusive: true), starts, EveryStart(threads: 4));
        Assert.NotNull(result);
    }

    [Fact]
    public void RankingRefinesOnlyTheBestValuedStarts()
    {
        // The start at 0.96 sits in the higher well with the lowest value; the one at −3 is in the lower well's basin.
        double[][] starts = [[-3], [0.96]];
        var one = MultiStartMinimizer.Minimize(() => new TiltedDoubleWell(0.3), starts, new MultiStartOptions(Loose, Tight) { RefinedStarts = 1 })!;
        var both = MultiStartMinimizer.Minimize(() => new TiltedDoubleWell(0.3), starts, new MultiStartOptions(Loose, Tight) { RefinedStarts = 2 })!;
        Assert.InRange(one.Best.Theta[0], 0.9, 1.0);
        Assert.InRange(both.Best.Theta[0], -1.1, -1.0);
    }

    [Fact]
    public void RankingKeepsTheUnrefinedBestStartWhenRefinementFails()
    {
        double[][] starts = [[3], [2]];
        var ranked = MultiStartMinimizer.Minimize(() => new FiniteOnlyAtStarts(), starts, new MultiStartOptions(Loose, Tight) { RefinedStarts = 2 })!;
        Assert.Same(starts[1], ranked.Best.Theta);
        Assert.Equal(2, ranked.Best.Objective);
        Assert.False(ranked.Best.Converged);
        Assert.Equal(0, ranked.StartsConverged);

        // Refining every start has no unrefined fallback: when no refinement finishes, nothing is found.
        Assert.Null(MultiStartMinimizer.Minimize(() => new FiniteOnlyAtStarts(), starts, EveryStart()));
    }

    [Fact]
    public void NoFiniteStartFindsNothing()
    {
        double[][] starts = [[1], [2]];
        Assert.Null(MultiStartMinimizer.Minimize(() => new Nowhere(), starts, EveryStart()));
        Assert.Null(MultiStartMinimizer.Minimize(() => new Nowhere(), starts, new MultiStartOptions(Loose, Tight) { RefinedStarts = 4 }));
    }

    /// <summary>f(x) = (x² − 1)² + tilt·x.</summary>
    private sealed class TiltedDoubleWell(double tilt, bool exclusive = false) : IObjective
    {
        private int _busy;

        public int ParameterCount => 1;

        public double Evaluate(ReadOnlySpan<double> theta, Span<double> gradient)
        {
            if (exclusive && Interlocked.Exchange(ref _busy, 1) == 1) throw new InvalidOperationException("objective shared between threads");
            double x = theta[0], u = x * x - 1;
            gradient[0] = 4 * x * u + tilt;
            if (exclusive)
            {
                Thread.SpinWait(200);
                Volatile.Write(ref _busy, 0);
            }
            return u * u + tilt * x;
        }
    }

    /// <summary>f(x) = x at x = 2 and x = 3 and +∞ elsewhere, so every line search fails.</summary>
    private sealed class FiniteOnlyAtStarts : IObjective
    {
        public int ParameterCount => 1;

        public double Evaluate(ReadOnlySpan<double> theta, Span<double> gradient)
        {
            gradient[0] = 1;
            return theta[0] is 2 or 3 ? theta[0] : double.PositiveInfinity;
        }
    }

    private sealed class Nowhere : IObjective
    {
        public int ParameterCount => 1;

        public double Evaluate(ReadOnlySpan<double> theta, Span<double> gradient)
        {
            gradient[0] = 0;
            return double.PositiveInfinity;
        }
    }
}
