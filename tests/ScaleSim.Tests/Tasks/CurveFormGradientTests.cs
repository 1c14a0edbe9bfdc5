using ScaleSim.Tasks.Curves;

namespace ScaleSim.Tests.Tasks;

/// <summary>Every curve form's analytic Jacobian matches central finite differences.</summary>
public class CurveFormGradientTests
{
    private static readonly double[] X = [7.2, 7.9, 8.5, 9.1, 9.8, 10.4, 11.0, 11.7];

    public static TheoryData<string, double[]> Cases => new()
    {
        { "constant", [0.4] },
        { "linear", [0.5, 0.07] },
        { "sigmoid-fixed", [0.8, 0.3, 2.5] },
        { "sigmoid-free", [-1.2, 0.8, -0.4, -3.0] },
        { "bnsl", [0.9, -0.6, 0.1, 0.4, 0.7, Math.Log(0.3)] },
        { "bnsl2", [0.9, -0.6, 0.1, -0.8, 0.7, Math.Log(0.3), 1.2, -0.4, Math.Log(0.8)] },
        { "ushape", [0.2, Math.Log(0.08), Math.Log(0.05), Math.Log(0.3)] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void JacobianMatchesFiniteDifferences(string name, double[] theta)
    {
        ICurveForm form = name switch
        {
            "constant" => new ConstantForm(),
            "linear" => new LinearForm(),
            "sigmoid-fixed" => new SigmoidForm(0.25),
            "sigmoid-free" => new SigmoidForm(null),
            "bnsl" => new BrokenPowerLawForm(1),
            "bnsl2" => new BrokenPowerLawForm(2),
            _ => new UShapeForm(),
        };
        const double origin = 9.4;
        int n = X.Length;
        var y = new double[n];
        var jacobian = new double[n * theta.Length];
        form.Predict(theta, origin, X, y, jacobian);
        for (int i = 0; i < n; i++)
        {
            int point = i;
            var numeric = FiniteDifference.Gradient(t =>
            {
                var yi = new double[n];
                form.Predict(t, origin, X, yi, new double[n * t.Length]);
                return yi[point];
            }, theta);
            var analytic = Enumerable.Range(0, theta.Length).Select(k => jacobian[k * n + point]).ToArray();
            FiniteDifference.AssertClose(numeric, analytic, relativeTolerance: 1e-5, absoluteTolerance: 1e-8);
        }
    }
}
