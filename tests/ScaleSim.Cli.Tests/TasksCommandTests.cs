using System.Text.Json.Nodes;
using Snapshooter.Xunit;

namespace ScaleSim.Cli.Tests;

/// <summary>The tasks command group: fit, artifact, predict, published, synthetic.</summary>
public class TasksCommandTests
{
    [Fact]
    public void TheCommittedExampleTableIsWhatTheCommandWrites()
    {
        using var table = new TaskTableFile();
        Assert.Equal(File.ReadAllText(TaskTableFile.Committed()), File.ReadAllText(table.Path));
    }

    [Fact]
    public void FitClassifiesEachExampleTaskAndReportsItsFields()
    {
        using var table = new TaskTableFile();
        var result = CliRunner.Run("tasks", "fit", table.Path, "--bootstrap", "50", "--json");
        Assert.Equal(0, result.ExitCode);
        var curves = JsonNode.Parse(result.Out)!["curves"]!.AsArray();
        var classes = curves.ToDictionary(c => c!["task"]!.GetValue<string>(), c => c!["class"]!.GetValue<string>());
        Assert.Equal("emergent", classes["arithmetic-4digit"]);
        Assert.Equal("smooth", classes["knowledge-mc"]);
        Assert.Equal("inverse", classes["distractor-2way"]);
        Assert.Equal("u-shaped", classes["hindsight-2way"]);
        Assert.Equal("flat", classes["random-labels"]);
        foreach (var curve in curves)
            foreach (var field in new[] { "task", "metric", "form", "class", "params", "aicc", "extrapolation_error", "forms" })
                Assert.True(curve!.AsObject().ContainsKey(field), field);
        var emergent = curves.Single(c => c!["class"]!.GetValue<string>() == "emergent")!;
        double threshold = emergent["threshold"]!.GetValue<double>();
        var ci = emergent["threshold_ci95"]!.AsArray();
        Assert.InRange(threshold, ci[0]!.GetValue<double>(), ci[1]!.GetValue<double>());
        Assert.True(curves.Single(c => c!["class"]!.GetValue<string>() == "u-shaped")!.AsObject().ContainsKey("turning_point"));
        Assert.False(curves.Single(c => c!["class"]!.GetValue<string>() == "smooth")!.AsObject().ContainsKey("threshold"));
    }

    [Fact]
    public void FitReadsAWideTableOfPercentages()
    {
        using var table = new TaskTableFile();
        // A leaderboard-style table: one column per benchmark, in percent, a gap marked "-".
        string wide = table.Write("wide.csv", "Model,Params,MMLU,ARC\nA,1e8,25.0,30\nB,1e9,26.5,-\nC,1e10,40,52\nD,1e11,61,70\nE,1e12,76,81\n");
        var refused = CliRunner.Run("tasks", "fit", wide, "--bootstrap", "0");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("give --percent", refused.Error);
        var fit = CliRunner.Run("tasks", "fit", wide, "--percent", "--bootstrap", "0", "--json");
        Assert.Equal(0, fit.ExitCode);
        var curves = System.Text.Json.Nodes.JsonNode.Parse(fit.Out)!["curves"]!.AsArray();
        Assert.Equal(["ARC", "MMLU"], curves.Select(c => c!["task"]!.GetValue<string>()).Order());
        Assert.Equal(4, curves.Single(c => c!["task"]!.GetValue<string>() == "ARC")!["points"]!.GetValue<int>());
    }

    [Fact]
    public void FitJsonSnapshot()
    {
        using var table = new TaskTableFile();
        var result = CliRunner.Run("tasks", "fit", table.Path, "--task", "arithmetic-4digit", "--bootstrap", "50", "--json");
        Assert.Equal(0, result.ExitCode);
        Snapshot.Match(CliRunner.RoundedJson(result.Out, digits: 4));
    }

    [Fact]
    public void FitTableSnapshot()
    {
        using var table = new TaskTableFile();
        var result = CliRunner.Run("tasks", "fit", table.Path, "--bootstrap", "0");
        Assert.Equal(0, result.ExitCode);
        Snapshot.Match(result.Out.Replace(table.Path, "tasks.csv"));
    }

    [Fact]
    public void AFormCanBeForcedAndSelectionCanBeByExtrapolation()
    {
        using var table = new TaskTableFile();
        var forced = JsonNode.Parse(CliRunner.Run("tasks", "fit", table.Path, "--task", "knowledge-mc", "--form", "linear", "--bootstrap", "0", "--json").Out)!;
        Assert.Equal("linear", forced["curves"]![0]!["form"]!.GetValue<string>());
        Assert.Single(forced["curves"]![0]!["forms"]!.AsArray());
        var byExtrapolation = CliRunner.Run("tasks", "fit", table.Path, "--select", "extrapolation", "--bootstrap", "0", "--json");
        Assert.Equal(0, byExtrapolation.ExitCode);
        Assert.Equal("extrapolation", JsonNode.Parse(byExtrapolation.Out)!["selection"]!.GetValue<string>());
    }

    [Fact]
    public void FitWritesAFigurePerCurve()
    {
        using var table = new TaskTableFile();
        string dir = Path.Combine(table.Directory, "figures");
        var result = CliRunner.Run("tasks", "fit", table.Path, "--task", "hindsight-2way", "--bootstrap", "20", "--plot", dir);
        Assert.Equal(0, result.ExitCode);
        Assert.True(new FileInfo(Path.Combine(dir, "hindsight-2way-accuracy.png")).Length > 10_000);
        Assert.True(File.Exists(Path.Combine(dir, "hindsight-2way-accuracy.svg")));
    }

    // A loss table as a user brings it: a column named loss against training tokens, 13 sizes, 1% noise. One task's
    // loss breaks sharply at 10⁸ tokens (Caballero et al. 2022, Eq. 1), the other falls as a power law.
    private static string LossTable()
    {
        var random = new Random(5);
        var text = new System.Text.StringBuilder("model,tokens,task,metric,loss\n");
        for (int i = 0; i < 13; i++)
        {
            double x = 6 + 4 * i / 12.0, d = Math.Pow(10, x);
            double broken = 0.3 + 2.503 * Math.Pow(d, -0.02) * Math.Pow(1 + Math.Pow(d / 1e8, 1 / 0.3), -0.6 * 0.3);
            double power = 1.5 + 3 * Math.Pow(d / 1e6, -0.25);
            double Noise() => Math.Exp(0.01 * (random.NextDouble() + random.NextDouble() + random.NextDouble() - 1.5) * 2);
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"m{i},{d:0.####e+0},addition-4,test_loss,{broken * Noise():0.#####}\n");
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"m{i},{d:0.####e+0},lm,val_loss,{power * Noise():0.#####}\n");
        }
        return text.ToString();
    }

    [Fact]
    public void FitReadsALossTableAndClassesItsCurvesAsALoss()
    {
        using var table = new TaskTableFile();
        string path = table.Write("losses.csv", LossTable());
        var result = CliRunner.Run("tasks", "fit", path, "--loss", "--bootstrap", "20", "--json");
        Assert.True(result.ExitCode == 0, result.Error);
        var json = JsonNode.Parse(result.Out)!;
        Assert.Equal("tokens", json["scale"]!.GetValue<string>());
        Assert.Equal("auto", json["selection"]!.GetValue<string>());
        var curves = json["curves"]!.AsArray().ToDictionary(c => c!["task"]!.GetValue<string>(), c => c!);
        Assert.All(curves.Values, c => Assert.Equal("lower", c["direction"]!.GetValue<string>()));
        Assert.All(curves.Values, c => Assert.Equal("bic", c["criterion"]!.GetValue<string>()));
        Assert.Equal("emergent", curves["addition-4"]["class"]!.GetValue<string>());
        Assert.Equal("bnsl", curves["addition-4"]["form"]!.GetValue<string>());
        Assert.InRange(Math.Log10(curves["addition-4"]["params"]!["d1"]!.GetValue<double>()), 7.8, 8.2);
        Assert.Equal("smooth", curves["lm"]["class"]!.GetValue<string>());
        Assert.Contains(curves["lm"]["form"]!.GetValue<string>(), new[] { "powerlaw", "bnsl" });
        Assert.All(curves.Values, c => Assert.Contains(c["forms"]!.AsArray(), f => f!["form"]!.GetValue<string>() == "powerlaw"));

        var text = CliRunner.Run("tasks", "fit", path, "--loss", "--bootstrap", "0");
        Assert.Equal(0, text.ExitCode);
        Assert.Contains("a loss (lower is better)", text.Out);
    }

    [Fact]
    public void HoldoutReportsPredictionsObservationsAndErrorsOfTheLargestScales()
    {
        using var table = new TaskTableFile();
        string path = table.Write("losses.csv", LossTable());
        var result = CliRunner.Run("tasks", "fit", path, "--loss", "--task", "lm", "--holdout", "3", "--bootstrap", "0", "--json");
        Assert.True(result.ExitCode == 0, result.Error);
        var curve = JsonNode.Parse(result.Out)!["curves"]![0]!;
        Assert.Equal(10, curve["points"]!.GetValue<int>());
        var holdout = curve["holdout"]!;
        var scales = holdout["scales"]!.AsArray().Select(v => v!.GetValue<double>()).ToArray();
        var observed = holdout["observed"]!.AsArray().Select(v => v!.GetValue<double>()).ToArray();
        var predicted = holdout["predicted"]!.AsArray().Select(v => v!.GetValue<double>()).ToArray();
        Assert.Equal(3, scales.Length);
        Assert.Equal(1e10, scales[^1], 1e-3 * 1e10);
        Assert.Equal(3, observed.Length);
        Assert.Equal(3, predicted.Length);
        double rmse = Math.Sqrt(observed.Select((y, i) => Math.Pow(y - predicted[i], 2)).Average());
        double rmsle = Math.Sqrt(observed.Select((y, i) => Math.Pow(Math.Log(1 + y) - Math.Log(1 + predicted[i]), 2)).Average());
        Assert.Equal(rmse, holdout["rmse"]!.GetValue<double>(), 9);
        Assert.Equal(rmsle, holdout["rmsle"]!.GetValue<double>(), 9);
        // A power law fitted to ten sizes predicts the next three within a few per cent.
        Assert.InRange(rmsle, 0, 0.03);

        var text = CliRunner.Run("tasks", "fit", path, "--loss", "--task", "lm", "--holdout", "3", "--bootstrap", "0");
        Assert.Equal(0, text.ExitCode);
        Assert.Contains("RMSLE", text.Out);
        Assert.Contains("held out 3 largest scales", text.Out);
    }

    [Fact]
    public void FitPlotsALossCurveWithItsHeldOutScales()
    {
        using var table = new TaskTableFile();
        string path = table.Write("losses.csv", LossTable());
        string dir = Path.Combine(table.Directory, "figures");
        var result = CliRunner.Run("tasks", "fit", path, "--loss", "--task", "addition-4", "--holdout", "2", "--bootstrap", "20", "--plot", dir);
        Assert.Equal(0, result.ExitCode);
        Assert.True(new FileInfo(Path.Combine(dir, "addition-4-test-loss.png")).Length > 10_000);
    }

    [Fact]
    public void ArtifactShowsExactMatchEmergingWherePartialCreditIsSmooth()
    {
        var result = CliRunner.Run("tasks", "artifact", "--json");
        Assert.Equal(0, result.ExitCode);
        var json = JsonNode.Parse(result.Out)!;
        Assert.Equal("smooth", json["partial_credit"]!["class"]!.GetValue<string>());
        Assert.All(json["exact_match"]!.AsArray(), e => Assert.Equal("emergent", e!["class"]!.GetValue<string>()));
        var point = json["points"]![5]!;
        Assert.Equal(Math.Pow(point["token_accuracy"]!.GetValue<double>(), 20), point["exact_match"]!["L20"]!.GetValue<double>(), 12);
    }

    [Fact]
    public void ArtifactJsonSnapshot()
    {
        var result = CliRunner.Run("tasks", "artifact", "--length", "4,16", "--json");
        Assert.Equal(0, result.ExitCode);
        Snapshot.Match(CliRunner.RoundedJson(result.Out, digits: 4));
    }

    [Fact]
    public void ArtifactReadsPerTokenAccuracyFromATable()
    {
        using var table = new TaskTableFile();
        string dir = Path.Combine(table.Directory, "figures");
        var result = CliRunner.Run("tasks", "artifact", table.Path, "--task", "arithmetic-4digit", "--length", "4", "--json", "--plot", dir);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(12, JsonNode.Parse(result.Out)!["points"]!.AsArray().Count);
        Assert.True(File.Exists(Path.Combine(dir, "artifact-metrics.png")));
        Assert.True(File.Exists(Path.Combine(dir, "artifact-log.png")));
    }

    [Fact]
    public void PredictForecastsTheHeldOutLargestModel()
    {
        using var table = new TaskTableFile();
        var result = CliRunner.Run("tasks", "predict", table.Path, "--task", "knowledge-mc", "--holdout-largest", "--bootstrap", "50", "--json");
        Assert.Equal(0, result.ExitCode);
        var json = JsonNode.Parse(result.Out)!;
        Assert.Equal(11, json["models"]!.GetValue<int>());
        Assert.InRange(json["error"]!.GetValue<double>(), -0.03, 0.03);
        Snapshot.Match(CliRunner.RoundedJson(result.Out, digits: 4));
    }

    [Fact]
    public void PublishedPrintsBothTablesAndWritesBothFigures()
    {
        string dir = Directory.CreateTempSubdirectory("published-").FullName;
        try
        {
            var result = CliRunner.Run("tasks", "published", "--plot", dir);
            Assert.Equal(0, result.ExitCode);
            Snapshot.Match(result.Out);
            foreach (var figure in new[] { "wei2022-emergence-scales", "reasoning-method-uplift" })
                Assert.True(new FileInfo(Path.Combine(dir, figure + ".png")).Length > 10_000, figure);
            var json = JsonNode.Parse(CliRunner.Run("tasks", "published", "--json").Out)!;
            Assert.Equal(22, json["emergent_abilities"]!.AsArray().Count);
        }
        finally { Directory.Delete(dir, recursive: true); }
    }
}
