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
        foreach (int i in indices)
        {
            float keep = x[i];
            x[i] = keep + h;
            double up = f(x);
            x[i] = keep - h;
            double down = f(x);
            x[i] = keep;
            double numeric = (up - down) / (2.0 * h);
            double err = Math.Abs(numeric - analytic[i]);
            Assert.True(err <= absolute + relative * Math.Abs(numeric), $"{what}[{i}]: analytic {analytic[i]:G6}, numeric {numeric:G6}");
        }
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
