namespace ScaleSim.Analysis;

/// <summary>y = Coefficient · x^Exponent, the form of N_opt(C) and D_opt(C) (Hoffmann et al. 2022, Table 2).</summary>
public sealed record PowerLaw(double Coefficient, double Exponent)
{
    /// <summary>The value at <paramref name="x"/>.</summary>
    public double At(double x) => Coefficient * Math.Pow(x, Exponent);

    /// <summary>Least squares of log y on log x; throws <see cref="InputException"/> with fewer than two distinct x.</summary>
    public static PowerLaw FitLogLog(IReadOnlyList<double> x, IReadOnlyList<double> y, string what = "power law")
    {
        if (x.Count != y.Count) throw new ArgumentException("x and y differ in length");
        if (x.Count < 2 || x.Distinct().Count() < 2)
            throw new InputException($"{what}: needs at least two distinct compute budgets, got {x.Distinct().Count()}");
        var lx = x.Select(v => Math.Log(v)).ToArray();
        var ly = y.Select(v => Math.Log(v)).ToArray();
        var (intercept, slope) = MathNet.Numerics.Fit.Line(lx, ly);
        return new PowerLaw(Math.Exp(intercept), slope);
    }
}
