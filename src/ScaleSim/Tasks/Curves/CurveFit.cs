namespace ScaleSim.Tasks.Curves;

/// <summary>A fitted curve form, and how to evaluate it.</summary>
/// <param name="Form">The form fitted.</param>
/// <param name="Theta">The optimum in fit coordinates.</param>
/// <param name="Data">The points it was fitted to.</param>
/// <param name="Parameters">The natural parameters by name, in the form's order.</param>
/// <param name="ChiSquare">Σ wᵢ rᵢ² at the optimum (the weighted residual sum of squares, in log space for a loss).</param>
/// <param name="Converged">Whether L-BFGS met its convergence test at the chosen start.</param>
/// <param name="Starts">How many starting points were ranked.</param>
public sealed record CurveFit(
    ICurveForm Form,
    double[] Theta,
    CurvePoints Data,
    IReadOnlyList<KeyValuePair<string, double>> Parameters,
    double ChiSquare,
    bool Converged,
    int Starts)
{
    /// <summary>The fitted value at each x.</summary>
    public double[] Predict(IReadOnlyList<double> x)
    {
        var xs = x.ToArray();
        var y = new double[xs.Length];
        Form.Predict(Theta, Data.Origin, xs, y, new double[xs.Length * Form.ParameterCount]);
        return y;
    }

    /// <summary>The fitted value at one x.</summary>
    public double Predict(double x) => Predict([x])[0];

    /// <summary>Residuals f(xᵢ) − yᵢ at the data.</summary>
    public double[] Residuals => Predict(Data.X).Select((f, i) => f - Data.Y[i]).ToArray();

    /// <summary>Residuals as the fit compares them: f(xᵢ) − yᵢ, or ln(1 + f(xᵢ)) − ln(1 + yᵢ) for a loss.</summary>
    public double[] ResponseResiduals => Predict(Data.X).Select((f, i) => Data.Response(f) - Data.Response(Data.Y[i])).ToArray();

    /// <summary>A natural parameter by name.</summary>
    public double this[string name] => Parameters.First(p => p.Key == name).Value;
}
