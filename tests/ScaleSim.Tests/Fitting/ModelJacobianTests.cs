using ScaleSim.Fitting;
using ScaleSim.Laws;

namespace ScaleSim.Tests.Fitting;

public class ModelJacobianTests
{
    private static readonly FitData Data = FitData.FromValues(
        [1e7, 3e8, 7e10, 2e5], [2e8, 5e9, 1.4e12, 1e7], [1.2e16, 9e18, 5.9e23, 1.2e13], [3.1, 2.4, 1.95, 4.0]);

    public static TheoryData<string, double[]> Models => new()
    {
        { "chinchilla", [6.2, 7.6, 0.6, 0.35, 0.37] },
        { "kaplan-n", [0.076, 32.1] },
        { "kaplan-n+E", [0.2, 20.0, 0.5] },
        { "kaplan-d", [0.095, 31.6] },
        { "kaplan-c+E", [0.1, 60.0, 0.4] },
        { "kaplan-nd", [0.076, 0.103, 31.8, 30.5] },
        { "kaplan-nd+E", [0.2, 0.25, 25.0, 24.0, 0.3] },
    };

    private static ILogLossModel Model(string name) => name switch
    {
        "chinchilla" => new ChinchillaLseModel(),
        "kaplan-n" => new KaplanPowerModel(ScaleVariable.Params),
        "kaplan-n+E" => new KaplanPowerModel(ScaleVariable.Params, withIrreducible: true),
        "kaplan-d" => new KaplanPowerModel(ScaleVariable.Tokens),
        "kaplan-c+E" => new KaplanPowerModel(ScaleVariable.Flops, withIrreducible: true),
        "kaplan-nd" => new KaplanJointModel(),
        _ => new KaplanJointModel(withIrreducible: true),
    };

    [Theory]
    [MemberData(nameof(Models))]
    public void JacobianMatchesFiniteDifferences(string name, double[] theta)
    {
        var model = Model(name);
        int n = Data.Count, p = model.ParameterCount;
        var prediction = new double[n];
        var jacobian = new double[n * p];
        model.Predict(theta, Data, prediction, jacobian);
        for (int i = 0; i < n; i++)
        {
            int row = i;
            var numeric = FiniteDifference.Gradient(t =>
            {
                var pred = new double[n];
                model.Predict(t, Data, pred, new double[n * p]);
                return pred[row];
            }, theta);
            var analytic = Enumerable.Range(0, p).Select(k => jacobian[k * n + row]).ToArray();
            FiniteDifference.AssertClose(numeric, analytic, relativeTolerance: 1e-6, absoluteTolerance: 1e-9);
        }
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void PredictionIsTheLogOfTheLaw(string name, double[] theta)
    {
        var model = Model(name);
        var prediction = new double[Data.Count];
        model.Predict(theta, Data, prediction, new double[Data.Count * model.ParameterCount]);
        var law = model.ToLaw(theta);
        for (int i = 0; i < Data.Count; i++)
        {
            var x = new ScalePoint(Math.Exp(Data.LogParams[i]), Math.Exp(Data.LogTokens[i]), Math.Exp(Data.LogFlops[i]));
            Assert.Equal(Math.Log(law.Loss(x)), prediction[i], 10);
        }
        Assert.Equal(theta, model.FromLaw(law), new ToleranceComparer(1e-12));
    }

    [Fact]
    public void ChinchillaVectorAndScalarPathsAgree()
    {
        // 21 points: two full SIMD blocks of 8 plus a scalar tail of 5.
        var random = new Random(3);
        double[] Draw(double lo, double hi) => Enumerable.Range(0, 21).Select(_ => Math.Exp(lo + (hi - lo) * random.NextDouble())).ToArray();
        var data = FitData.FromValues(Draw(15, 25), Draw(18, 28), null, Draw(0.5, 1.5));
        var model = new ChinchillaLseModel();
        double[] theta = [6.2, 7.6, 0.6, 0.35, 0.37];
        var prediction = new double[21];
        model.Predict(theta, data, prediction, new double[21 * 5]);
        for (int i = 0; i < 21; i++)
        {
            double t1 = theta[0] - theta[3] * data.LogParams[i], t2 = theta[1] - theta[4] * data.LogTokens[i];
            double expected = Math.Log(Math.Exp(t1) + Math.Exp(t2) + Math.Exp(theta[2]));
            Assert.Equal(expected, prediction[i], 12);
        }
    }

    [Theory]
    [InlineData(1e-3)]
    [InlineData(1.0)]
    public void HuberObjectiveGradientMatchesFiniteDifferences(double delta)
    {
        // delta 1e-3 puts the residuals in the linear region, 1.0 in the quadratic one.
        var model = new ChinchillaLseModel();
        IObjective objective = new HuberLogLoss(model, Data, delta);
        double[] theta = [6.2, 7.6, 0.6, 0.35, 0.37];
        var analytic = new double[5];
        objective.Evaluate(theta, analytic);
        var numeric = FiniteDifference.Gradient(t => objective.Value(t), theta);
        FiniteDifference.AssertClose(numeric, analytic, relativeTolerance: 1e-5, absoluteTolerance: 1e-10);
    }

    [Fact]
    public void HuberIsQuadraticInsideDeltaAndLinearOutside()
    {
        var data = FitData.FromValues([1], [1], [1], [Math.E]);
        var model = new KaplanPowerModel(ScaleVariable.Params);
        IObjective objective = new HuberLogLoss(model, data, delta: 0.1);
        // Prediction alpha·(log Nc − log 1) = alpha·logNc; target log e = 1.
        Assert.Equal(0.5 * 0.05 * 0.05, objective.Value([1.05, 1.0]), 14);
        Assert.Equal(0.1 * (0.5 - 0.05), objective.Value([1.5, 1.0]), 14);
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance * Math.Max(1, Math.Abs(x));
        public int GetHashCode(double obj) => 0;
    }
}
