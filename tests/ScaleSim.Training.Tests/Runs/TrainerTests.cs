using System.Text.Json;
using ScaleSim.Training.Backends;
using ScaleSim.Training.Data;
using ScaleSim.Training.Runs;

namespace ScaleSim.Training.Tests.Runs;

public class TrainerTests
{
    /// <summary>Order 2 (so attention must learn to look back), V = 8, two or three successors per context.</summary>
    private static readonly DataSourceSpec SimpleSource = DataSourceSpec.Parse("synthetic:k=2,V=8,smin=2,smax=3");

    private static TrainingConfig Tiny(long tokens = 20_000, int threads = 1) => new()
    {
        Layers = 1, DModel = 16, Heads = 1, Context = 16, Batch = 8, Tokens = tokens, Data = SimpleSource, Threads = threads,
        ValidationSequences = 16,
    };

    private static IEnumerable<object> Comparable(RunSummary s) =>
        s.Metrics.Select(r => (object)(r with { ElapsedSeconds = 0 }));

    [Fact]
    public void SmallModelLearnsASimpleSourceToNearItsFloor()
    {
        var summary = Trainer.Run(Tiny(tokens: 100_000) with { ValidationSequences = 64 });
        Assert.Equal(RunStatus.Completed, summary.Status);
        Assert.Equal(781, summary.Steps);
        Assert.NotNull(summary.EntropyRate);
        double floor = summary.ValidationFloor!.Value;
        double loss = summary.FinalValidationLoss!.Value;
        Assert.True(loss < summary.UnigramEntropy!.Value, $"validation loss {loss} not below the unigram entropy {summary.UnigramEntropy}");
        Assert.True(loss <= 1.15 * floor, $"validation loss {loss} not within 15% of the validation floor {floor}");
        Assert.True(loss <= 1.15 * summary.EntropyRate!.Value, $"validation loss {loss} not within 15% of the entropy rate {summary.EntropyRate}");
        Assert.True(loss >= floor - 1e-3, $"validation loss {loss} below the exact floor {floor}: the expected cross-entropy is miscomputed");
    }

    [Fact]
    public void SameSeedGivesBitIdenticalLossesAtAnyThreadCount()
    {
        var one = Trainer.Run(Tiny());
        var again = Trainer.Run(Tiny());
        var two = Trainer.Run(Tiny(threads: 2));
        Assert.Equal(Comparable(one), Comparable(again));
        Assert.Equal(Comparable(one), Comparable(two));
        var other = Trainer.Run(Tiny() with { Seed = 1 });
        Assert.NotEqual(Comparable(one), Comparable(other));
    }

    [Fact]
    public void ResumeGivesTheSameResultAsAnUninterruptedRun()
    {
        using var dir = new TemporaryDirectory();
        var config = Tiny(tokens: 25_600) with { EvalEvery = 40 };
        var straight = Trainer.Run(config, dir.Combine("straight"));

        using var cancel = new CancellationTokenSource();
        var stopAt63 = new StopAt(63, cancel);
        var interrupted = Trainer.Run(config, dir.Combine("resumed"), stopAt63, cancel.Token);
        Assert.Equal(RunStatus.Interrupted, interrupted.Status);
        Assert.Equal(63, interrupted.Steps);
        Assert.Equal("interrupted", ReadStatus(dir.Combine("resumed")));

        var resumed = Trainer.Resume(dir.Combine("resumed"), threads: 2);
        Assert.Equal(RunStatus.Completed, resumed.Status);
        Assert.Equal(Comparable(straight), Comparable(resumed));
        Assert.Equal(straight.FinalValidationLoss, resumed.FinalValidationLoss);
        int n = new ScaleSim.Training.Model.ParameterLayout(config.ModelFor(8)).Count;
        var a = Checkpoint.Load(dir.Combine("straight/checkpoint.bin"), n);
        var b = Checkpoint.Load(dir.Combine("resumed/checkpoint.bin"), n);
        Assert.Equal(a.Parameters, b.Parameters);
        Assert.Equal(a.FirstMoment, b.FirstMoment);
        Assert.Equal(a.SecondMoment, b.SecondMoment);
        Assert.Equal(File.ReadAllLines(dir.Combine("straight/metrics.csv")).Select(DropElapsed), File.ReadAllLines(dir.Combine("resumed/metrics.csv")).Select(DropElapsed));

        // Resuming a completed run returns it unchanged.
        Assert.Equal(RunStatus.Completed, Trainer.Resume(dir.Combine("resumed")).Status);
    }

    [Fact]
    public void RunDirectoryHoldsConfigMetricsAndSummary()
    {
        using var dir = new TemporaryDirectory();
        string path = dir.Combine("run");
        var summary = Trainer.Run(Tiny() with { EvalEvery = 50 }, path);
        var lines = File.ReadAllLines(System.IO.Path.Combine(path, "metrics.csv"));
        Assert.Equal("step,tokens,flops,train_loss,val_loss,lr,elapsed_s", lines[0]);
        Assert.StartsWith("0,0,0,,", lines[1]);
        Assert.Equal(1 + 1 + 4, lines.Length);  // header, step 0, steps 50/100/150 and the last (156)
        Assert.StartsWith("156,19968,", lines[^1]);

        using var json = JsonDocument.Parse(File.ReadAllText(System.IO.Path.Combine(path, "summary.json")));
        var root = json.RootElement;
        Assert.Equal("completed", root.GetProperty("status").GetString());
        Assert.Equal(summary.Parameters, root.GetProperty("params").GetInt64());
        Assert.Equal(summary.NonEmbeddingParameters, root.GetProperty("non_embedding_params").GetInt64());
        Assert.Equal(156, root.GetProperty("steps").GetInt64());
        Assert.Equal(19968, root.GetProperty("tokens").GetInt64());
        foreach (var model in ScaleSim.Flops.FlopModels.All) Assert.True(root.GetProperty("flops").GetProperty(model.Name).GetDouble() > 0);
        Assert.True(root.GetProperty("entropy_floor").GetDouble() > 0);
        Assert.True(root.GetProperty("final_validation_loss").GetDouble() > 0);
        Assert.Equal(ScaleSimVersion.Current, root.GetProperty("scalesim_version").GetString());
        Assert.Matches(@"^\d+\.\d+\.\d+", ScaleSimVersion.Current);
        Assert.False(File.Exists(System.IO.Path.Combine(path, "metrics.csv.tmp")));
        // Resuming compares config.json, which the version must stay out of.
        Assert.DoesNotContain("version", File.ReadAllText(System.IO.Path.Combine(path, "config.json")));

        var config = JsonSerializer.Deserialize<TrainingConfig>(File.ReadAllText(System.IO.Path.Combine(path, "config.json")), RunJson.Options);
        Assert.Equal(Tiny() with { EvalEvery = 50 }, config);

        var e = Assert.Throws<InputException>(() => Trainer.Run(Tiny(), path));
        Assert.Contains("already holds a run", e.Message);
    }

    [Fact]
    public void ASummaryWrittenBeforeVersionsWereRecordedStillReads()
    {
        using var dir = new TemporaryDirectory();
        string path = dir.Combine("run");
        var written = Trainer.Run(Tiny(), path);
        string file = System.IO.Path.Combine(path, "summary.json");
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(file))!.AsObject();
        Assert.True(json.Remove("scalesim_version"));
        File.WriteAllText(file, json.ToJsonString());

        var read = RunDirectory.Open(path).ReadSummary()!;
        Assert.Null(read.ScaleSimVersion);
        Assert.Equal(JsonSerializer.Serialize(written with { ScaleSimVersion = null }, RunJson.Options), JsonSerializer.Serialize(read, RunJson.Options));
    }

    [Fact]
    public void LossBlowUpStopsTheRunAsDiverged()
    {
        using var dir = new TemporaryDirectory();
        var summary = Trainer.Run(Tiny() with { LearningRate = 1e4, WarmupFraction = 0 }, dir.Combine("run"));
        Assert.Equal(RunStatus.Diverged, summary.Status);
        Assert.True(summary.Steps < summary.TotalSteps);
        Assert.Equal("diverged", ReadStatus(dir.Combine("run")));
        Assert.Contains("diverged", Assert.Throws<InputException>(() => Trainer.Resume(dir.Combine("run"))).Message);
    }

    [Fact]
    public void TextFileTrainsWithoutAFloor()
    {
        using var dir = new TemporaryDirectory();
        string file = dir.Combine("text.txt");
        File.WriteAllText(file, string.Concat(Enumerable.Range(0, 400).Select(i => $"the quick brown fox {i % 7} jumps. ")));
        var summary = Trainer.Run(Tiny(tokens: 40_000) with { Data = DataSourceSpec.Parse(file), ValidationSequences = 8 });
        Assert.Equal(RunStatus.Completed, summary.Status);
        Assert.Equal(256, summary.Vocab);
        Assert.Null(summary.EntropyFloor);
        Assert.True(summary.FinalValidationLoss < 0.5 * Math.Log(256), $"validation loss {summary.FinalValidationLoss}");
        Assert.True(summary.FinalValidationLoss < summary.Metrics[0].ValidationLoss);
    }

    public static TheoryData<string, string> BadConfigs => new()
    {
        { "heads", "d_model 16 is not divisible by heads 3" },
        { "layers", "layers must be positive, got 0" },
        { "tokens", "tokens must be positive, got -5" },
        { "batch", "batch must be positive, got 0" },
        { "cuda", "device cuda: no CUDA device found" },
        { "data", "data: cannot read '/nope/missing.txt'" },
        { "lr", "learning_rate must be a positive number" },
        { "threads", "threads must be positive" },
    };

    [Theory]
    [MemberData(nameof(BadConfigs))]
    public void BadConfigsFailWithOneLine(string what, string message)
    {
        if (what == "cuda" && ScaleSim.Training.Backends.TrainingBackends.IsAvailable(ScaleSim.Training.Backends.TrainingDevice.Cuda)) return;
        var config = what switch
        {
            "heads" => Tiny() with { Heads = 3 },
            "layers" => Tiny() with { Layers = 0 },
            "tokens" => Tiny() with { Tokens = -5 },
            "batch" => Tiny() with { Batch = 0 },
            "cuda" => Tiny() with { Device = TrainingDevice.Cuda },
            "data" => Tiny() with { Data = DataSourceSpec.Parse("/nope/missing.txt") },
            "lr" => Tiny() with { LearningRate = -1 },
            _ => Tiny() with { Threads = 0 },
        };
        var e = Assert.Throws<InputException>(() => Trainer.Run(config));
        Assert.Contains(message, e.Message);
        Assert.DoesNotContain('\n', e.Message);
        Assert.DoesNotContain("--", e.Message);
    }

    private static string DropElapsed(string line) => line[..line.LastIndexOf(',')];

    private static string? ReadStatus(string dir)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(System.IO.Path.Combine(dir, "summary.json")));
        return json.RootElement.GetProperty("status").GetString();
    }

    private sealed class StopAt(long step, CancellationTokenSource cancel) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value)
        {
            if (value.Step == step) cancel.Cancel();
        }
    }
}
