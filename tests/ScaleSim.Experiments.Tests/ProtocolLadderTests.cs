using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using ScaleSim.Analysis;
using ScaleSim.Experiments.Json;
using ScaleSim.Experiments.Ladder;
using ScaleSim.Flops;
using ScaleSim.Training.Sweeps;

namespace ScaleSim.Experiments.Tests;

/// <summary>
/// The Kaplan-to-Chinchilla ladder: its plan, its reading of long runs, its analysis on runs whose loss follows a known
/// law, and a quick ladder trained end to end.
/// </summary>
public class ProtocolLadderTests
{
    // Small enough to train in well under a minute on two cores: 1-layer models of width 4–40 at 2e9 and 5e9 FLOPs.
    private const string Quick = """
        {
          "name": "ladder-quick",
          "budgets": [2e9, 5e9],
          "prior_optimum": { "params": 3000, "flops": 2e9, "exponent": 0.6 },
          "sizes_per_budget": 5,
          "size_span": 16,
          "shape": { "layers": 1, "head_size": 8, "width_multiple": 4, "min_width": 4, "max_width": 64 },
          "context": 32,
          "kaplan_protocol": { "learning_rate": 0.01, "batch": 8, "warmup_steps": 50 },
          "seeds": [0, 1],
          "validation_sequences": 16,
          "evaluations_per_run": 10
        }
        """;

    private static ProtocolLadderExperiment Experiment() => Assert.IsType<ProtocolLadderExperiment>(ExperimentDefinition.Parse(Quick, "ladder-quick.json"));

    [Fact]
    public void ThePlanTrainsFourProtocolsOfOneFamily()
    {
        var experiment = Experiment();
        Assert.Same(FlopModels.SixN, experiment.FlopModel);
        var plan = SweepPlanner.Plan(experiment);
        var families = plan.Runs.GroupBy(r => r.Family!.Value).ToDictionary(g => g.Key, g => g.ToList());
        Assert.Equal(4, families.Count);
        var protocol = experiment.KaplanProtocol;
        // Long runs: every width either accounting places at either budget, trained to the top budget counted Kaplan's way.
        var widths = experiment.Budgets.SelectMany(c => new[] { true, false }.SelectMany(nonEmbedding => experiment.SizesAt(c, nonEmbedding, plan.Vocab)))
            .Select(m => m.DModel).Distinct().Order().ToList();
        foreach (var family in new[] { LadderFamily.KaplanCurves, LadderFamily.ScaledWarmupCurves })
        {
            Assert.Equal(widths.Count * experiment.Seeds.Length, families[family].Count);
            foreach (var run in families[family])
            {
                Assert.Equal(protocol.Batch, run.Batch);
                Assert.Equal(protocol.LearningRate, run.LearningRateNumerator!.Value / run.Model.DModel, 12);
                double tokens = experiment.Budgets.Max() / (6.0 * run.Model.NonEmbeddingParameters);
                Assert.InRange(run.Tokens, tokens - run.Batch * run.Model.Context, tokens + run.Batch * run.Model.Context);
                double warmup = run.ToConfig(experiment).WarmupFraction;
                if (family == LadderFamily.KaplanCurves) Assert.Equal(protocol.WarmupSteps, warmup * run.Steps, 6);
                else Assert.Equal(Math.Min(0.5, run.Model.Parameters / (double)run.Tokens), warmup, 12);
            }
        }
        // Matched runs: a run per point of each budget's profile in total N, at the tokens the budget leaves it.
        foreach (var family in new[] { LadderFamily.MatchedCosine, LadderFamily.TunedCosine })
            foreach (var run in families[family])
            {
                Assert.Contains(experiment.SizesAt(run.Budget!.Value, nonEmbedding: false, plan.Vocab), m => m.DModel == run.Model.DModel);
                Assert.InRange(run.Flops / run.Budget.Value, 0.9, 1.1);
            }
        Assert.All(families[LadderFamily.MatchedCosine], r => Assert.Equal(protocol.Batch, r.Batch));
        // Tuned runs take the experiment's own rules: the batch rule shrinks the batch of short runs.
        Assert.Contains(families[LadderFamily.TunedCosine], r => r.Batch < protocol.Batch);
        Assert.All(families[LadderFamily.TunedCosine], r => Assert.Equal(experiment.Batch.For(r.Tokens, r.Model.Context), r.Batch));
    }

    [Theory]
    [InlineData("""{ "name": "x", "widths": [8, 16, 32], "tokens_per_run": 1000, "kaplan_protocol": {} }""", "kaplan_protocol makes a ladder")]
    [InlineData("""{ "name": "x", "budgets": [1e12], "kaplan_protocol": {} }""", "budgets must list at least two")]
    [InlineData("""{ "name": "x", "budgets": [1e12, 3e12], "flop_model": "kaplan", "kaplan_protocol": {} }""", "flop_model must be 6nd")]
    [InlineData("""{ "name": "x", "budgets": [1e12, 3e12], "kaplan_protocol": { "learning_rate": 0 } }""", "kaplan_protocol.learning_rate must be positive")]
    public void ABadLadderIsNamedByItsField(string json, string message)
    {
        var e = Assert.Throws<InputException>(() => ExperimentDefinition.Parse(json, "ladder.json"));
        Assert.Contains(message, e.Message);
        Assert.StartsWith("ladder.json: ", e.Message);
    }

    [Fact]
    public void ALongRunIsReadByInterpolatingLogLossInLogTokens()
    {
        // A pure power law is a straight line in log-log axes: interpolation between validations is exact.
        var curve = new[] { 1e3, 2e3, 4e3, 8e3 }.Select(d => (d, 3 * Math.Pow(d, -0.2))).ToList();
        Assert.Equal(3 * Math.Pow(3e3, -0.2), ProtocolLadderAnalysis.LossAt(curve, 3e3)!.Value, 12);
        Assert.Equal(curve[^1].Item2, ProtocolLadderAnalysis.LossAt(curve, 8e3 * (1 + 1e-4))!.Value, 12);
        Assert.Null(ProtocolLadderAnalysis.LossAt(curve, 500));
        Assert.Null(ProtocolLadderAnalysis.LossAt(curve, 9e3));
    }

    [Fact]
    public void OnRunsThatFollowAKnownLawEveryAllTotalStepRecoversItsExponent()
    {
        // L = E + A/N^α + B/D^β with N counting every parameter: the compute-optimal a is β/(α+β) (Hoffmann et al. 2022,
        // Eq. 4). No schedule effects, so steps 2–5 see the same law; step 1 counts N without embeddings.
        const double E = 1.5, A = 9.37, B = 20, alpha = 0.34, beta = 0.28;
        double Loss(double n, double d) => E + A / Math.Pow(n, alpha) + B / Math.Pow(d, beta);
        var experiment = Experiment();
        var plan = SweepPlanner.Plan(experiment);
        using var root = new TemporaryDirectory();
        var runs = new StringBuilder(string.Join(",", SweepColumns.RunsTable) + "\n");
        var curves = new StringBuilder(string.Join(",", SweepColumns.CurvesTable) + "\n");
        string R(double x) => x.ToString("R", CultureInfo.InvariantCulture);
        foreach (var run in plan.Runs)
        {
            var m = run.Model;
            // Seeds differ by ±0.1% in loss, so the seed bootstrap has something to resample.
            double noise = 1 + (run.Seed == 0 ? 1e-3 : -1e-3) * (m.DModel % 3 - 1);
            double final = Loss(m.Parameters, run.Tokens) * noise;
            runs.Append(string.Join(",", run.Id, "isoflop", run.Budget is { } c ? R(c) : "", run.Seed, m.Layers, m.DModel, m.Heads, m.Context, run.Batch, run.Steps,
                m.Parameters, m.NonEmbeddingParameters, run.Tokens, R(run.Flops), R(run.Flops), R(run.Flops), R(run.Flops), R(final), R(final), "", "")).Append('\n');
            for (int k = 1; k <= 100; k++)
            {
                long tokens = run.Tokens * k / 100;
                curves.Append(string.Join(",", run.Id, m.Parameters, m.NonEmbeddingParameters, tokens, R(run.Flops * k / 100), R(Loss(m.Parameters, tokens) * noise))).Append('\n');
            }
        }
        File.WriteAllText(root.Combine(SweepResults.RunsFile), runs.ToString());
        File.WriteAllText(root.Combine(SweepResults.CurvesFile), curves.ToString());

        var (steps, conventions, _) = ProtocolLadderAnalysis.Run(experiment, plan, root.Path, new AnalysisOptions { Resamples = 50 });
        Assert.Equal([1, 2, 3, 4, 5], steps.Select(s => s.Number));
        double truth = beta / (alpha + beta);
        foreach (var step in steps.Skip(1))
        {
            var estimate = Assert.IsType<AllocationEstimate>(step.Estimate);
            // Parabolas over 16× are a slightly biased model of these profiles; the bias is what the tolerance allows.
            Assert.InRange(estimate.A, truth - 0.04, truth + 0.04);
            Assert.Equal(1, estimate.A + estimate.B, 6);
            Assert.NotNull(estimate.CiA);
        }
        // Steps 2 and 3 read the same law from the long runs as steps 4 and 5 train it: their a agree closely.
        Assert.Equal(steps[3].Estimate!.A, steps[1].Estimate!.A, 0.03);
        // Step 1's points count N without embeddings and sit exactly at the budgets.
        Assert.All(steps[0].Points, p => Assert.Equal(p.Budget, p.Flops));
        Assert.All(steps[0].Points, p => Assert.Contains(plan.Runs, r => r.Id == p.Run && r.Model.NonEmbeddingParameters == p.Params));
        Assert.Same(steps[4], conventions[0]);
        Assert.True(conventions[1].NonEmbedding);
        Assert.Equal(steps[4].Points.Count, conventions[1].Points.Count);
    }

    [Fact]
    public void AQuickLadderTrainsAndReportsEveryStep()
    {
        using var root = new TemporaryDirectory();
        string runs = root.Combine("runs"), report = root.Combine("report");
        var result = Assert.IsType<ProtocolLadderSimulationResult>(Simulation.Run(Experiment(),
            new SimulationOptions { RunsDirectory = runs, ReportDirectory = report, Resamples = 20 }));
        Assert.Equal(result.Sweep.Plan.Runs.Count, result.Sweep.TrainedNow);
        Assert.Equal(5, result.Steps.Count);
        Assert.Equal(2, result.Conventions.Count);
        Assert.All(result.Steps, s => Assert.NotEmpty(s.Points));
        Assert.Contains(result.Steps, s => s.Estimate is not null);

        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(report, "result.json")))!.AsObject();
        Assert.True(JsonNode.DeepEquals(SimulationResultJson.ToJson(result), json));
        var steps = json["steps"]!.AsArray();
        Assert.Equal(5, steps.Count);
        foreach (var step in steps)
            foreach (var field in new[] { "name", "a", "ci95", "b", "params_per_10x", "tokens_per_10x" })
                Assert.True(step!.AsObject().ContainsKey(field), field);
        foreach (var file in new[] { "report.md", "runs.csv", "curves.csv", ProtocolLadderReportFile, "figures/ladder-exponents.png", "figures/ladder-frontiers.png" })
            Assert.True(File.Exists(Path.Combine(report, file)), file);
        var points = File.ReadAllLines(Path.Combine(report, ProtocolLadderReportFile));
        Assert.Equal("step,counted,run,seed,budget,N,D,C,loss", points[0]);
        Assert.Equal(result.Steps.Sum(s => s.Points.Count) + result.Conventions[1].Points.Count, points.Length - 1);
        string markdown = File.ReadAllText(Path.Combine(report, "report.md"));
        Assert.Contains("Which steps move a", markdown);
        Assert.Contains("Pearce & Song", markdown);

        // The command line reads the same runs: a CSV row per step, then step 5 counted without embeddings.
        string definition = root.Combine("ladder.json");
        File.WriteAllText(definition, Quick);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = ScaleSim.Cli.ScaleSimApp.Run(["simulate", "--experiment", definition, "--runs", runs, "--out", root.Combine("cli"), "--no-train", "--bootstrap", "20", "--format", "csv"], stdout, stderr);
        Assert.True(code == 0, stderr.ToString());
        var lines = stdout.ToString().TrimEnd().Split('\n');
        Assert.Equal(7, lines.Length);
        Assert.Contains(",a,", "," + lines[0] + ",");
        Assert.Contains(lines.Skip(1), l => l.Contains("non_embedding", StringComparison.Ordinal));
    }

    private const string ProtocolLadderReportFile = Reports.ProtocolLadderReport.PointsFile;
}
