namespace ScaleSim.Tasks.Curves;

/// <summary>y = level: no change with scale, the null form against which any trend must win.</summary>
public sealed class ConstantForm : ICurveForm
{
    /// <inheritdoc />
    public string Name => "constant";

    /// <inheritdoc />
    public IReadOnlyList<string> ParameterNames { get; } = ["level"];

    /// <inheritdoc />
    public void Predict(ReadOnlySpan<double> theta, double origin, ReadOnlySpan<double> x, Span<double> y, Span<double> jacobian)
    {
        y.Fill(theta[0]);
        jacobian[..x.Length].Fill(1);
    }

    /// <inheritdoc />
    public double[] Natural(ReadOnlySpan<double> theta, CurvePoints data) => [theta[0]];

    /// <inheritdoc />
    public IReadOnlyList<double[]> Starts(CurvePoints data) =>
        [[data.Y.Select((y, i) => y * data.Weights[i]).Sum() / data.Weights.Sum()]];
}
