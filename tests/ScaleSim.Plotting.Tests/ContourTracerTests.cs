namespace ScaleSim.Plotting.Tests;

public class ContourTracerTests
{
    private static double[] Grid(double from, double to, int count) =>
        Enumerable.Range(0, count).Select(i => from + (to - from) * i / (count - 1)).ToArray();

    private static double ShoelaceArea(ContourPath path)
    {
        double twice = 0;
        for (int i = 0; i < path.Count - 1; i++)
            twice += path.Xs[i] * path.Ys[i + 1] - path.Xs[i + 1] * path.Ys[i];
        return Math.Abs(twice) / 2;
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(1.0)]
    [InlineData(1.7)]
    public void CircleContourIsOneClosedLoopAtTheRadius(double radius)
    {
        double[] xs = Grid(-2, 2, 81), ys = Grid(-2, 2, 61);
        double[,] values = ContourTracer.Sample(xs, ys, (x, y) => x * x + y * y);

        var paths = ContourTracer.Trace(xs, ys, values, radius * radius);

        ContourPath loop = Assert.Single(paths);
        Assert.True(loop.IsClosed);
        Assert.Equal(loop.Xs[0], loop.Xs[^1]);
        Assert.Equal(loop.Ys[0], loop.Ys[^1]);
        for (int i = 0; i < loop.Count; i++)
            Assert.Equal(radius, Math.Sqrt(loop.Xs[i] * loop.Xs[i] + loop.Ys[i] * loop.Ys[i]), 0.01);
        Assert.Equal(Math.PI * radius * radius, ShoelaceArea(loop), Math.PI * radius * radius * 0.01);
    }

    [Fact]
    public void CircleCutByTheGridEdgeIsOneOpenArcEndingOnTheEdge()
    {
        double[] xs = Grid(-2, 2, 41), ys = Grid(-2, 2, 41);
        double[,] values = ContourTracer.Sample(xs, ys, (x, y) => (x - 2) * (x - 2) + y * y);

        ContourPath arc = Assert.Single(ContourTracer.Trace(xs, ys, values, 1));

        Assert.False(arc.IsClosed);
        Assert.Equal(2, arc.Xs[0], 9);
        Assert.Equal(2, arc.Xs[^1], 9);
        Assert.Equal(2, Math.Abs(arc.Ys[0] - arc.Ys[^1]), 0.02);
    }

    [Fact]
    public void TwoSeparateCirclesGiveTwoLoops()
    {
        double[] xs = Grid(-4, 4, 81), ys = Grid(-2, 2, 41);
        double[,] values = ContourTracer.Sample(xs, ys,
            (x, y) => Math.Min((x - 2) * (x - 2) + y * y, (x + 2) * (x + 2) + y * y));

        var paths = ContourTracer.Trace(xs, ys, values, 1);

        Assert.Equal(2, paths.Count);
        Assert.All(paths, p => Assert.True(p.IsClosed));
        Assert.Equal([-2.0, 2.0], paths.Select(p => Math.Round(p.Xs.Average())).Order());
    }

    [Fact]
    public void HyperbolaThroughSaddleCellsGivesTwoBranches()
    {
        double[] xs = Grid(-2, 2, 40), ys = Grid(-2, 2, 40);
        double[,] values = ContourTracer.Sample(xs, ys, (x, y) => x * y);

        var paths = ContourTracer.Trace(xs, ys, values, 0.5);

        Assert.Equal(2, paths.Count);
        Assert.All(paths, p => Assert.False(p.IsClosed));
        Assert.All(paths, p => Assert.All(p.Xs.Zip(p.Ys), v => Assert.Equal(0.5, v.First * v.Second, 0.05)));
    }

    [Fact]
    public void LevelOutsideTheValuesGivesNothing()
    {
        double[] xs = Grid(-1, 1, 11), ys = Grid(-1, 1, 11);
        Assert.Empty(ContourTracer.Trace(xs, ys, ContourTracer.Sample(xs, ys, (x, y) => x * x + y * y), 5));
    }

    [Fact]
    public void NonFiniteValuesLeaveAGap()
    {
        double[] xs = Grid(-2, 2, 41), ys = Grid(-2, 2, 41);
        double[,] values = ContourTracer.Sample(xs, ys, (x, y) => x > 0.5 && Math.Abs(y) < 0.5 ? double.NaN : x * x + y * y);

        ContourPath arc = Assert.Single(ContourTracer.Trace(xs, ys, values, 1));

        Assert.False(arc.IsClosed);
    }

    [Fact]
    public void RejectsMismatchedOrUnsortedGrids()
    {
        double[] xs = Grid(0, 1, 5), ys = Grid(0, 1, 4);
        Assert.Throws<ArgumentException>(() => ContourTracer.Trace(xs, ys, new double[4, 5], 0));
        Assert.Throws<ArgumentException>(() => ContourTracer.Trace([0, 2, 1], ys, new double[3, 4], 0));
        Assert.Throws<ArgumentException>(() => ContourTracer.Trace([0], ys, new double[1, 4], 0));
        Assert.Throws<ArgumentException>(() => ContourTracer.Trace(xs, ys, new double[5, 4], double.NaN));
    }
}
