using System.Text.Json.Nodes;
using ScaleSim.Training.Sweeps;

namespace ScaleSim.Cli.Tests;

/// <summary>
/// The quick version of experiments/tiny-memo-trap: its data and shape, three small widths at a few tokens per
/// parameter, two seeds. Too short to memorise the table, so every model must score near chance on the trap — which
/// holds only because the table's bit positions are balanced — and the report must carry the memo trap's section.
/// </summary>
public class MemoTrapSimulateTests
{
    [Fact]
    public void TheQuickMemoTrapSweepScoresChanceAndReportsTheTrapSeedBySeed()
    {
        string root = Directory.CreateTempSubdirectory("simulate-memo-").FullName;
        try
        {
            string shipped = Path.Combine(RepositoryFiles.Root, "experiments", "tiny-memo-trap", "experiment.json");
            var full = (SizeSweepExperiment)ExperimentDefinition.Parse(File.ReadAllText(shipped), shipped);
            Assert.NotNull(full.TokensPerParam);
            Assert.True(full.Seeds.Length >= 4, "the full experiment trains at least 4 seeds per width");
            var quick = full with { Name = "tiny-memo-trap-quick", Widths = [8, 12, 16], TokensPerParam = 4, Seeds = [0, 1], ValidationSequences = 16, EvaluationsPerRun = 2 };
            string file = Path.Combine(root, "experiment.json");
            File.WriteAllText(file, quick.ToJson());

            string runs = Path.Combine(root, "runs"), report = Path.Combine(root, "report");
            var result = CliRunner.Run("simulate", "--experiment", file, "--runs", runs, "--out", report, "--bootstrap", "10", "--json");
            Assert.True(result.ExitCode == 0, result.Error);
            var curves = JsonNode.Parse(result.Out)!["curves"]!.AsArray();
            Assert.Equal(2, curves.Count);

            // Models that memorised nothing guess: per-digit accuracy near 0.5 on the scored F prompts.
            var perDigit = File.ReadAllLines(Path.Combine(report, "tasks.csv")).Skip(1).Select(l => l.Split(',')).Where(c => c[6] == "per_digit").ToList();
            Assert.Equal(6, perDigit.Count);
            Assert.All(perDigit, c => Assert.InRange(double.Parse(c[7], System.Globalization.CultureInfo.InvariantCulture), 0.35, 0.65));

            string text = File.ReadAllText(Path.Combine(report, "report.md"));
            Assert.Contains("## The memo trap: a U-shape?", text);
            Assert.Contains("Each seed's curve on its own", text);
            Assert.Matches(@"\d of 2 seeds' curves are classed u-shaped", text);
            Assert.Contains("per parameter", text);
            Assert.True(File.Exists(Path.Combine(report, "result.json")));
        }
        finally { Directory.Delete(root, recursive: true); }
    }
}
