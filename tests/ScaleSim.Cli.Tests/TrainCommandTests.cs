using System.Text.Json;
using ScaleSim.Training.Backends;

namespace ScaleSim.Cli.Tests;

/// <summary><c>scalesim train</c> and <c>scalesim bench train</c> end to end, in process.</summary>
public class TrainCommandTests
{
    private static (int ExitCode, string Out, string Error) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = ScaleSimApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static readonly string[] Tiny =
        ["train", "--layers", "1", "--d-model", "16", "--heads", "1", "--context", "16", "--batch", "8", "--tokens", "1e4", "--data", "synthetic:k=2,V=8", "--threads", "1"];

    public static TheoryData<string, string[], string> BadInputs
    {
        get
        {
            var data = BadInputsOnAnyMachine;
            // A missing GPU is bad input only where there is none.
            if (!TrainingBackends.IsAvailable(TrainingDevice.Cuda))
            {
                data.Add("cuda", ["train", "--layers", "1", "--d-model", "32", "--heads", "2", "--context", "16", "--tokens", "1e4", "--device", "cuda"], "--device cuda: no CUDA device found");
                data.Add("bench device", ["bench", "train", "--layers", "1", "--d-model", "32", "--heads", "2", "--context", "16", "--vocab", "64", "--device", "cuda"], "--device cuda: no CUDA device found");
            }
            if (!TrainingBackends.IsAvailable(TrainingDevice.OpenCl))
                data.Add("opencl", ["train", "--layers", "1", "--d-model", "32", "--heads", "2", "--context", "16", "--tokens", "1e4", "--device", "opencl"], "--device opencl: no OpenCL GPU found");
            return data;
        }
    }

    private static TheoryData<string, string[], string> BadInputsOnAnyMachine => new()
    {
        { "heads", ["train", "--layers", "2", "--d-model", "30", "--heads", "4", "--context", "16", "--tokens", "1e4"], "--d-model 30 is not divisible by --heads 4" },
        { "zero layers", ["train", "--layers", "0", "--d-model", "32", "--heads", "2", "--context", "16", "--tokens", "1e4"], "--layers must be positive, got 0" },
        { "negative context", ["train", "--layers", "1", "--d-model", "32", "--heads", "2", "--context", "-4", "--tokens", "1e4"], "--context must be positive, got -4" },
        { "zero tokens", ["train", "--layers", "1", "--d-model", "32", "--heads", "2", "--context", "16", "--tokens", "0"], "--tokens must be positive" },
        { "bad tokens", ["train", "--layers", "1", "--d-model", "32", "--heads", "2", "--context", "16", "--tokens", "lots"], "--tokens: 'lots' is not a whole number" },
        { "bad integer", ["train", "--layers", "two", "--d-model", "32", "--heads", "2", "--context", "16", "--tokens", "1e4"], "--layers: 'two' is not an integer" },
        { "missing", ["train", "--layers", "1", "--heads", "2", "--context", "16", "--tokens", "1e4"], "--d-model is required" },
        { "unknown device", ["train", "--layers", "1", "--d-model", "32", "--heads", "2", "--context", "16", "--tokens", "1e4", "--device", "tpu"], "--device: unknown device 'tpu'" },
        { "unreadable data", ["train", "--layers", "1", "--d-model", "32", "--heads", "2", "--context", "16", "--tokens", "1e4", "--data", "/nope/corpus.txt"], "--data: cannot read '/nope/corpus.txt'" },
        { "bad synthetic", ["train", "--layers", "1", "--d-model", "32", "--heads", "2", "--context", "16", "--tokens", "1e4", "--data", "synthetic:V=1"], "V must be at least 2" },
        { "bad lr", ["train", "--layers", "1", "--d-model", "32", "--heads", "2", "--context", "16", "--tokens", "1e4", "--lr", "-1"], "--lr must be a positive number" },
        { "zero threads", ["train", "--layers", "1", "--d-model", "32", "--heads", "2", "--context", "16", "--tokens", "1e4", "--threads", "0"], "--threads must be positive" },
        { "resume without out", ["train", "--resume"], "--resume needs --out" },
        { "resume nothing", ["train", "--resume", "--out", "/nope/run"], "--resume: '/nope/run' holds no run" },
        { "resume with shape", ["train", "--resume", "--out", "/nope/run", "--layers", "3"], "--resume takes the run's config.json; drop --layers" },
        { "bench heads", ["bench", "train", "--layers", "1", "--d-model", "30", "--heads", "4", "--context", "16", "--vocab", "64"], "--d-model 30 is not divisible by --heads 4" },
        { "bench vocab", ["bench", "train", "--layers", "1", "--d-model", "32", "--heads", "2", "--context", "16", "--vocab", "0"], "--vocab must be positive, got 0" },
        { "bench peer", ["bench", "train", "--layers", "1", "--d-model", "32", "--heads", "2", "--context", "16", "--vocab", "64", "--peer", "/nope/peer.py"], "--peer /nope/peer.py: file not found" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void BadInputGetsOneLineAndExitCode2(string name, string[] args, string expected)
    {
        var (code, output, error) = Run(args);
        Assert.True(code == 2, $"{name}: exit code {code}, stderr: {error}");
        Assert.Contains(expected, error);
        Assert.Single(error.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("scalesim: error: ", error);
        Assert.Equal("", output);
    }

    [Fact]
    public void TrainWritesARunDirectoryAndResumeOfACompletedRunIsANoOp()
    {
        string dir = Path.Combine(Path.GetTempPath(), "scalesim-cli-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (code, output, error) = Run([.. Tiny, "--out", dir, "--json"]);
            Assert.True(code == 0, error);
            using var summary = JsonDocument.Parse(output);
            Assert.Equal("completed", summary.RootElement.GetProperty("status").GetString());
            Assert.Equal(78, summary.RootElement.GetProperty("steps").GetInt64());
            foreach (var file in new[] { "config.json", "metrics.csv", "summary.json", "checkpoint.bin" }) Assert.True(File.Exists(Path.Combine(dir, file)), file);
            Assert.Contains("step 78/78", error);

            var again = Run("train", "--resume", "--out", dir, "--threads", "2");
            Assert.True(again.ExitCode == 0, again.Error);
            Assert.Contains("completed", again.Out);

            // The completed run's summary.json again: --format json is --json, and the CSV one row of its fields.
            var resumedJson = Run("train", "--resume", "--out", dir, "--json").Out;
            Assert.Equal(resumedJson, Run("train", "--resume", "--out", dir, "--format", "json").Out);
            var (header, rows) = CsvAgainstJson.Parse(Run("train", "--resume", "--out", dir, "--format", "csv").Out);
            var node = System.Text.Json.Nodes.JsonNode.Parse(resumedJson)!;
            Assert.Equal(CsvAgainstJson.Columns(node), header);
            Assert.True(CsvAgainstJson.AssertRow(header, Assert.Single(rows), node) >= 10);

            var clash = Run([.. Tiny, "--out", dir]);
            Assert.Equal(2, clash.ExitCode);
            Assert.Contains("already holds a run", clash.Error);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void BenchTrainReportsParamsTokensPerSecondAndBackend()
    {
        var (code, output, error) = Run("bench", "train", "--layers", "1", "--d-model", "16", "--heads", "1", "--context", "16", "--vocab", "32",
            "--batch", "4", "--threads", "1", "--warmup", "0.05", "--seconds", "0.05", "--json");
        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(1L * 16 * 32 + 16 * 16 + 12 * 16 * 16 + 13 * 16 + 2 * 16, root.GetProperty("params").GetInt64());
        Assert.True(root.GetProperty("tokens_per_s").GetDouble() > 0);
        Assert.StartsWith("cpu", root.GetProperty("backend").GetString());
        Assert.True(root.GetProperty("gflops_per_s").GetProperty("6nd").GetDouble() > 0);
    }
}
