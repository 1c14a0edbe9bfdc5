using ScaleSim.Training.Backends.Verification;

namespace ScaleSim.Training.Tests.Backends;

/// <summary>Central finite differences of a float32 function, with a tolerance that reflects float rounding.</summary>
internal static class FiniteDifferences
{
    /// <summary>
    /// Checks <paramref name="analytic"/>[i] against (f(x + h·e_i) − f(x − h·e_i)) / 2h for every i in
    /// <paramref name="indices"/>, where f is evaluated in double from float outputs.
    /// </summary>
    public static void Check(string what, float[] x, float[] analytic, Func<float[], double> f, IEnumerable<int> indices,
        float h = 1e-2f, double relative = 2e-2, double absolute = 2e-4)
    {
        var (worst, detail) = FiniteDifferenceCheck.Measure(what, x, analytic, f, indices, h, relative, absolute);
        Assert.True(worst <= 1, $"{detail} (error {worst:G3} of the tolerance)");
    }

    public static float[] Normal(int n, ulong seed, double std = 1)
    {
        var rng = new Xoshiro256(seed);
        var a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float)(std * rng.NextNormal());
        return a;
    }

    /// <summary>Σ r·y in double: a random linear functional whose gradient with respect to y is r.</summary>
    public static double Project(float[] y, float[] r)
    {
        double s = 0;
        for (int i = 0; i < y.Length; i++) s += (double)y[i] * r[i];
        return s;
    }
}
