namespace ScaleSim.Tests;

/// <summary>Central finite differences, with a step relative to each coordinate.</summary>
internal static class FiniteDifference
{
    public static double[] Gradient(Func<double[], double> f, double[] x, double relativeStep = 1e-6)
    {
        var g = new double[x.Length];
        for (int k = 0; k < x.Length; k++)
        {
            double h = relativeStep * Math.Max(Math.Abs(x[k]), 1e-3);
            var plus = (double[])x.Clone();
            var minus = (double[])x.Clone();
            plus[k] += h;
            minus[k] -= h;
            g[k] = (f(plus) - f(minus)) / (2 * h);
        }
        return g;
    }

    public static void AssertClose(double[] expected, double[] actual, double relativeTolerance, double absoluteTolerance = 1e-12)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int k = 0; k < expected.Length; k++)
        {
            double tolerance = absoluteTolerance + relativeTolerance * Math.Max(Math.Abs(expected[k]), Math.Abs(actual[k]));
            Assert.True(Math.Abs(expected[k] - actual[k]) <= tolerance,
                $"component {k}: expected {expected[k]:G10}, got {actual[k]:G10}");
        }
    }
}
