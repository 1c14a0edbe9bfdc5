using ScaleSim.Fitting;
using ScaleSim.Laws;

namespace ScaleSim.Tests.Fitting;

public class DataConstrainedFitTests
{
    private static readonly DataConstrainedLaw Truth = new(E: 1.9, A: 500, B: 1500, Alpha: 0.34, Beta: 0.36, RStarD: 12, RStarN: 4);

    /// <summary>Runs over a grid of sizes and budgets, each budget at several unique-data limits (1 to ~60 epochs).</summary>
    private static FitData RepeatedRuns(double sigma, int seed)
    {
        var random = new Random(seed);
        var n = new List<double>(); var d = new List<double>(); var u = new List<double>(); var loss = new List<double>();
        foreach (double flops in new[] { 1e18, 1e19, 1e20, 1e21 })
        foreach (double sizeFactor in new[] { 0.3, 1, 3 })
        foreach (double epochs in new[] { 1, 4, 16, 60 })
        {
            double size = Math.Sqrt(flops / 120) * sizeFactor, tokens = flops / (6 * size), unique = tokens / epochs;
            n.Add(size); d.Add(tokens); u.Add(unique);
            loss.Add(Truth.Loss(size, tokens, unique) * Math.Exp(sigma * SyntheticRuns.Gaussian(random)));
        }
        return FitData.FromValues(n.ToArray(), d.ToArray(), null, loss.ToArray()) with { UniqueTokens = u.ToArray() };
    }

    [Fact]
    public void JacobianMatchesFiniteDifferences()
    {
        var data = RepeatedRuns(0, 1);
        var model = new DataConstrainedModel();
        double[] theta = [6.2, 7.3, 0.64, 0.34, 0.36, Math.Log(12), Math.Log(4)];
        int count = data.Count, p = theta.Length;
        var prediction = new double[count];
        var jacobian = new double[count * p];
        model.Predict(theta, data, prediction, jacobian);
        for (int i = 0; i < count; i += 7)
        {
            var numeric = FiniteDifference.Gradient(t =>
            {
                var pr = new double[count];
                model.Predict(t, data, pr, new double[count * p]);
                return pr[i];
            }, theta);
            FiniteDifference.AssertClose(numeric, Enumerable.Range(0, p).Select(k => jacobian[k * count + i]).ToArray(), 1e-5, 1e-10);
        }
    }

    [Fact]
    public void DecayScalesAreRecoveredFromRepeatedRuns()
    {
        var fit = MultiStartFitter.Fit(new DataConstrainedModel(), RepeatedRuns(0.003, 7), new FitOptions { MaxDegreeOfParallelism = 2 });
        var law = (DataConstrainedLaw)fit.Law;
        Assert.True(fit.Quality.Rmse < 0.006, $"RMSE {fit.Quality.Rmse}");
        Assert.InRange(law.Alpha, 0.28, 0.40);
        Assert.InRange(law.RStarD, 6, 24);
        Assert.InRange(law.RStarN, 1.5, 10);
    }

    [Fact]
    public void MissingUniqueTokensSaySo()
    {
        var data = FitData.FromValues([1e8, 2e8, 3e8, 4e8, 5e8, 6e8, 7e8, 8e8], [1e9, 2e9, 3e9, 4e9, 5e9, 6e9, 7e9, 8e9], null, [3, 2.9, 2.8, 2.7, 2.6, 2.5, 2.4, 2.3]);
        var error = Assert.Throws<InputException>(() => MultiStartFitter.Fit(new DataConstrainedModel(), data, source: "runs.csv"));
        Assert.Contains("map the column with unique_tokens_column", error.Message);
        Assert.Equal(["unique_tokens_column"], error.Parameters);
    }
}
