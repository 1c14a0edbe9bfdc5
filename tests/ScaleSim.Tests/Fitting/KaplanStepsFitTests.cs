using ScaleSim.Fitting;
using ScaleSim.Laws;
using ScaleSim.Runs;

namespace ScaleSim.Tests.Fitting;

/// <summary>Kaplan et al.'s learning-curve law L(N, S): its equation, its gradients, and its recovery from noisy training curves.</summary>
public class KaplanStepsFitTests
{
    /// <summary>Kaplan et al. 2020, Table 3 (α_N, N_c, α_S, S_c) and Table 5 (B*, α_B).</summary>
    private static readonly KaplanStepsLaw Kaplan = new(0.077, 6.5e13, 0.76, 2.1e3);

    [Fact]
    public void TheLossSolvesItsImplicitEquation()
    {
        foreach (var (n, s, b) in new[] { (1e6, 300.0, 6.5e4), (1e8, 1e4, 5e5), (1e9, 1e5, 4e6) })
        {
            double loss = Kaplan.Loss(n, s, b);
            Assert.Equal(loss, Kaplan.RightHandSide(n, s, b, loss), 11);
        }
        // Far above the critical batch every step counts fully: S_min = S (Kaplan et al. 2020, Eq. 5.4).
        Assert.Equal(Math.Pow(6.5e13 / 1e8, 0.077) + Math.Pow(2.1e3 / 1e4, 0.76), Kaplan.Loss(1e8, 1e4, 1e20), 9);
    }

    [Fact]
    public void AnalyticGradientMatchesFiniteDifferences()
    {
        double[] plain = [0.077, 6.5e13, 0.76, 2.1e3], withE = [0.3, 2e9, 0.6, 5e2, 1.1];
        foreach (var p in new[] { plain, withE })
            foreach (var point in new[] { new ScalePoint(1e7, 3e9, 1.8e17) { Steps = 6000 }, new ScalePoint(3e8, 2e10, 3.6e19) { BatchTokens = 1e6 } })
            {
                var analytic = new double[p.Length];
                Make(p).Gradient(point, analytic);
                FiniteDifference.AssertClose(FiniteDifference.Gradient(q => Make(q).Loss(point), p), analytic, relativeTolerance: 1e-5, absoluteTolerance: 1e-12);
            }

        static KaplanStepsLaw Make(double[] p) => new(p[0], p[1], p[2], p[3], E: p.Length > 4 ? p[4] : null);
    }

    [Fact]
    public void JacobianOfTheFitModelMatchesFiniteDifferences()
    {
        var data = FitData.FromValues([1e6, 3e7, 1e9, 1e8], [1e9, 3e9, 2e10, 4e9], null, [4.1, 3.2, 2.5, 2.9]) with
        {
            Steps = [2000, 6000, 20000, 8000],
            BatchTokens = [5e5, 5e5, 1e6, 5e5],
        };
        foreach (var (model, theta) in new (ILogLossModel, double[])[] { (new KaplanStepsModel(), [0.077, 31.8, 0.76, 7.65]), (new KaplanStepsModel(withIrreducible: true), [0.3, 21.0, 0.6, 6.2, 0.2]) })
        {
            int n = data.Count, p = model.ParameterCount;
            var jacobian = new double[n * p];
            model.Predict(theta, data, new double[n], jacobian);
            for (int i = 0; i < n; i++)
            {
                int row = i;
                var numeric = FiniteDifference.Gradient(t =>
                {
                    var prediction = new double[n];
                    model.Predict(t, data, prediction, new double[n * p]);
                    return prediction[row];
                }, theta);
                FiniteDifference.AssertClose(numeric, Enumerable.Range(0, p).Select(k => jacobian[k * n + row]).ToArray(), relativeTolerance: 1e-6, absoluteTolerance: 1e-9);
            }
        }
    }

    /// <summary>Six sizes 1e6–1e9, each a curve of 25 evaluations from step 300 to 30000 at 2^19 tokens per step, 0.5% noise.</summary>
    internal static string Curves(KaplanStepsLaw law, int seed, double noise = 0.005)
    {
        var random = new Random(seed);
        var text = new System.Text.StringBuilder("run,params,step,tokens,loss\n");
        for (int k = 0; k < 6; k++)
        {
            double n = 1e6 * Math.Pow(10, k * 0.6);
            for (int j = 0; j < 25; j++)
            {
                double step = Math.Round(300 * Math.Pow(100, j / 24.0)), batch = 524288;
                double loss = law.Loss(n, step, batch) * Math.Exp(noise * SyntheticRuns.Gaussian(random));
                text.Append(FormattableString.Invariant($"n{k},{n:R},{step:R},{step * batch:R},{loss:R}\n"));
            }
        }
        return text.ToString();
    }

    [Fact]
    public void TheLawIsRecoveredFromNoisyTrainingCurvesAndItsIntervalsResampleWholeRuns()
    {
        int coveredN = 0, coveredS = 0;
        const int seeds = 10;
        for (int seed = 0; seed < seeds; seed++)
        {
            var runs = RunTableLoader.FromRaw(RawTable.ParseDelimited(Curves(Kaplan, seed), ',', "curves.csv"));
            var model = new KaplanStepsModel();
            var data = LawFits.Data(runs, model);
            Assert.Equal(runs.Tokens!.Zip(data.Steps, (d, s) => d / s), data.BatchTokens);
            var fit = MultiStartFitter.Fit(model, data, source: runs.Source);
            var law = (KaplanStepsLaw)fit.Law;
            Assert.InRange(law.AlphaN, 0.077 - 0.01, 0.077 + 0.01);
            Assert.InRange(law.AlphaS, 0.76 - 0.08, 0.76 + 0.08);
            var clusters = LawFits.Clusters(runs, model)!;
            Assert.Equal(6, clusters.Distinct().Count());
            var bootstrap = BootstrapFit.Run(fit, data, 100, seed, clusters: clusters);
            if (bootstrap["alpha_N"].Low <= 0.077 && 0.077 <= bootstrap["alpha_N"].High) coveredN++;
            if (bootstrap["alpha_S"].Low <= 0.76 && 0.76 <= bootstrap["alpha_S"].High) coveredS++;
        }
        // With six curves the run-level bootstrap is coarse; it should still cover most of the time.
        Assert.InRange(coveredN, 7, seeds);
        Assert.InRange(coveredS, 7, seeds);
    }

    [Fact]
    public void TheLawFileKeepsTheCriticalBatch()
    {
        var law = new KaplanStepsLaw(0.08, 5e13, 0.7, 2e3, 1e8, 0.25, 1.2);
        var json = LawFile.ToJson(law);
        Assert.Equal(1e8, json["B_star"]!.GetValue<double>());
        Assert.Equal(law, LawFile.FromJson(json, "law.json"));
    }

    [Fact]
    public void StepsOrABatchAreRequired()
    {
        var runs = RunTableLoader.FromRaw(RawTable.ParseDelimited("params,tokens,loss\n1e8,2e9,3\n2e8,2e9,2.9\n3e8,2e9,2.8\n4e8,2e9,2.7\n5e8,3e9,2.6\n", ',', "curves.csv"));
        var error = Assert.Throws<InputException>(() => MultiStartFitter.Fit(new KaplanStepsModel(), LawFits.Data(runs, new KaplanStepsModel()), source: runs.Source));
        Assert.Equal("curves.csv: law kaplan-ns needs each point's optimizer step and batch: a step column and tokens D, or a batch_tokens column (tokens per step)", error.Message);
    }
}
