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
