namespace ScaleSim.Training.Backends.Verification;

/// <summary>
/// An analytic gradient against central finite differences (f(x + h·eᵢ) − f(x − h·eᵢ)) / 2h of a float32 function
/// evaluated in double, with a tolerance that reflects float rounding: |numeric − analytic| ≤ absolute + relative·|numeric|.
/// </summary>
internal static class FiniteDifferenceCheck
{
    /// <summary>The worst entry of <paramref name="indices"/>: its error as a fraction of what was allowed, and a description.</summary>
    public static (double WorstRatio, string Detail) Measure(string what, float[] x, ReadOnlySpan<float> analytic, Func<float[], double> f,
        IEnumerable<int> indices, float h, double relative, double absolute)
    {
        double worst = 0;
        string detail = $"{what}: no entry checked";
        foreach (int i in indices)
        {
            float keep = x[i];
            x[i] = keep + h;
            double up = f(x);
            x[i] = keep - h;
            double down = f(x);
            x[i] = keep;
            double numeric = (up - down) / (2.0 * h);
            double ratio = Math.Abs(numeric - analytic[i]) / (absolute + relative * Math.Abs(numeric));
            if (double.IsNaN(ratio)) ratio = double.PositiveInfinity;
            if (ratio >= worst)
            {
                worst = ratio;
                detail = $"{what}[{i}]: analytic {Tolerances.G(analytic[i])}, numeric {Tolerances.G(numeric)}";
            }
        }
        return (worst, detail);
    }
}
