using System.Text.Json.Nodes;
using ScaleSim.Tasks.Synthetic;

namespace ScaleSim.Cli.Tests;

/// <summary><c>sweep plan</c> and <c>tasks synthetic</c> take <c>--json</c> like every other command: JSON alone on stdout.</summary>
public class JsonOptionTests
{
    [Fact]
    public void SweepPlanJsonListsTheRunsTheTableDoes()
    {
        var table = CliRunner.Run("sweep", "plan", "tiny-chinchilla", "--no-estimate");
        var result = CliRunner.Run("sweep", "plan", "tiny-chinchilla", "--no-estimate", "--json");
        Assert.Equal(0, result.ExitCode);
        var json = JsonNode.Parse(result.Out)!.AsObject();
        Assert.Equal("tiny-chinchilla", json["experiment"]!.GetValue<string>());
        Assert.Equal("kaplan", json["flop_model"]!.GetValue<string>());
        var runs = json["runs"]!.AsArray();
        // Four budgets of about seven sizes, two seeds, and a warmup-stable-decay stem per size, seed and batch.
        Assert.InRange(runs.Count(r => r!["role"]!.GetValue<string>() == "isoflop"), 4 * 5 * 2, 4 * 7 * 2);
        Assert.Contains(runs, r => r!["role"]!.GetValue<string>() == "stem");
        foreach (var run in runs)
        {
            string id = run!["run"]!.GetValue<string>();
            Assert.Contains(id, table.Out);
            if (run["role"]!.GetValue<string>() == "stem") continue;
            Assert.Equal("isoflop", run["role"]!.GetValue<string>());
            long tokens = run["tokens"]!.GetValue<long>();
            Assert.Equal(tokens, run["steps"]!.GetValue<long>() * run["batch"]!.GetValue<int>() * run["context"]!.GetValue<int>());
            Assert.True(run["params"]!.GetValue<long>() > run["non_embedding_params"]!.GetValue<long>());
            // An IsoFLOP run spends its budget (up to the whole steps it rounds to).
            Assert.InRange(run["flops"]!.GetValue<double>() / run["budget"]!.GetValue<double>(), 0.95, 1.05);
            Assert.Null(run["estimated_seconds"]);
        }
        Assert.Null(json["estimated_core_seconds"]);
        Assert.NotNull(json["warnings"]!.AsArray());
    }

    [Fact]
    public void TasksSyntheticJsonSaysWhatItWrote()
    {
        string dir = Directory.CreateTempSubdirectory("synthetic-json-").FullName;
        try
        {
            string path = Path.Combine(dir, "tasks.csv");
            var result = CliRunner.Run("tasks", "synthetic", "--out", path, "--seed", "3", "--json");
            Assert.Equal(0, result.ExitCode);
            var json = JsonNode.Parse(result.Out)!.AsObject();
            Assert.Equal(path, json["out"]!.GetValue<string>());
            Assert.Equal(3, json["seed"]!.GetValue<int>());
            string written = File.ReadAllText(path);
            Assert.Equal(ExampleTaskTable.Csv(3), written);
            Assert.Equal(written.TrimEnd('\n').Split('\n').Length - 1, json["rows"]!.GetValue<int>());
            Assert.Equal(12, json["models"]!.GetValue<int>());
            Assert.Equal(["arithmetic-4digit", "knowledge-mc", "distractor-2way", "hindsight-2way", "random-labels"],
                json["tasks"]!.AsArray().Select(t => t!.GetValue<string>()));
        }
        finally { Directory.Delete(dir, recursive: true); }
    }
}
