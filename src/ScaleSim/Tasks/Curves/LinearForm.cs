namespace ScaleSim.Tasks.Curves;

/// <summary>
/// The linear baseline over log scale: y = intercept + slope·log10(scale). Fitted as y = a + slope·(x − origin) for
/// conditioning; the intercept is reported at log10(scale) = 0.
/// </summary>
public sealed class LinearForm : ICurveForm
{
    /// <inheritdoc />
    public string Name => "linear";

    /// <inheritdoc />
    public IReadOnlyList<string> ParameterNames { get; } = ["intercept", "slope"];

    /// <inheritdoc />
    public void Predict(ReadOnlySpan<double> theta, double origin, ReadOnlySpan<double> x, Span<double> y, Span<double> jacobian)
    {
        int n = x.Length;
        for (int i = 0; i < n; i++)
        {
            double dx = x[i] - origin;
            y[i] = theta[0] + theta[1] * dx;
            jacobian[i] = 1;
            jacobian[n + i] = dx;
        }
    }

    /// <inheritdoc />
    public double[] Natural(ReadOnlySpan<double> theta, CurvePoints data) => [theta[0] - theta[1] * data.Origin, theta[1]];

    /// <inheritdoc />
    public IReadOnlyList<double[]> Starts(CurvePoints data)
    {
        var beta = WeightedLeastSquares.Solve([data.X.Select(_ => 1.0).ToArray(), data.X.Select(x => x - data.Origin).ToArray()], data.Y, data.Weights);
        return [beta ?? [data.Y.Average(), 0]];
    }
}
