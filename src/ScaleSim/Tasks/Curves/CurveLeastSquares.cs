using ScaleSim.Fitting;

namespace ScaleSim.Tasks.Curves;

/// <summary>
/// The fitting objective of a curve form: half the weighted sum of squared residuals, ½·Σ wᵢ (f(xᵢ; θ) − yᵢ)²,
/// with its gradient; for a loss curve the residuals are ln(1 + f(xᵢ; θ)) − ln(1 + yᵢ) (Caballero et al. 2022's
/// mean squared log error, which their code minimises). One instance holds scratch buffers, so use one per thread.
/// </summary>
public sealed class CurveLeastSquares : IObjective
{
    private readonly ICurveForm _form;
    private readonly CurvePoints _data;
    private readonly double[] _prediction;
    private readonly double[] _jacobian;

    /// <summary>Creates the objective of <paramref name="form"/> on <paramref name="data"/>.</summary>
    public CurveLeastSquares(ICurveForm form, CurvePoints data)
    {
        _form = form;
        _data = data;
        _prediction = new double[data.Count];
        _jacobian = new double[data.Count * form.ParameterCount];
    }

    /// <inheritdoc />
    public int ParameterCount => _form.ParameterCount;

    /// <summary>The objective at θ, writing its gradient into <paramref name="gradient"/>; +∞ where the form is not finite.</summary>
    public double Evaluate(ReadOnlySpan<double> theta, Span<double> gradient)
    {
        _form.Predict(theta, _data.Origin, _data.X, _prediction, _jacobian);
        int n = _data.Count;
        double total = 0;
        bool log = _data.LogResponse;
        for (int i = 0; i < n; i++)
        {
            double f = _prediction[i];
            if (log && !(f > -1))
            {
                gradient.Clear();
                return double.PositiveInfinity;
            }
            // Caballero et al. 2022 (their code): residuals of ln(1 + y) for a loss; d ln(1 + f)/dθ = (df/dθ)/(1 + f)
            double r = log ? Math.Log(1 + f) - Math.Log(1 + _data.Y[i]) : f - _data.Y[i];
            total += 0.5 * _data.Weights[i] * r * r;
            _prediction[i] = _data.Weights[i] * r * (log ? 1 / (1 + f) : 1);
        }
        for (int k = 0; k < _form.ParameterCount; k++)
        {
            double g = 0;
            for (int i = 0; i < n; i++) g += _jacobian[k * n + i] * _prediction[i];
            gradient[k] = g;
        }
        return double.IsFinite(total) ? total : double.PositiveInfinity;
    }
}
