using System.Text;
using System.Text.Json;
using ScaleSim.Training.Backends;
using ScaleSim.Training.Data;
using ScaleSim.Training.Runs;

namespace ScaleSim.Training.Tests.Data;

public class DataSourceSpecTests
{
    [Fact]
    public void SyntheticDefaultsAndOverrides()
    {
        Assert.Equal(new MarkovSourceOptions(), DataSourceSpec.Parse("synthetic").Markov);
        var o = DataSourceSpec.Parse("synthetic:k=1,V=16,seed=9,smin=3,smax=4,zipf=0.5,alpha=1").Markov;
        Assert.Equal(new MarkovSourceOptions(1, 16, 9, 3, 4, 0.5, 1), o);
        Assert.Equal(o, DataSourceSpec.Parse(o!.ToString()).Markov);
        Assert.Equal(DataSourceKind.File, DataSourceSpec.Parse("corpus.txt").Kind);
        Assert.Equal("corpus.txt", DataSourceSpec.Parse("corpus.txt").FilePath);
    }

    [Theory]
    [InlineData("synthetic:q=1", "unknown synthetic option 'q'")]
    [InlineData("synthetic:k=two", "k='two' is not a valid number")]
    [InlineData("synthetic:k", "expected key=value")]
    [InlineData("synthetic:V=1", "V must be at least 2")]
    [InlineData("synthetic:smin=5,smax=2", "smax (2) must be at least smin (5)")]
    [InlineData("synthetic:k=5,V=256", "contexts (at most 2^24)")]
    [InlineData("/no/such/file.txt", "cannot read '/no/such/file.txt'")]
    [InlineData("", "empty value")]
    public void BadSpecsNameTheProblem(string spec, string message)
    {
        var e = Assert.Throws<InputException>(() => DataSourceSpec.Parse(spec).Open());
        Assert.Contains(message, e.Message);
        Assert.StartsWith("data", e.Message);
        Assert.Equal("data", e.Parameters[0]);
        Assert.Equal("--data" + e.Message[4..], e.Rephrase(name => "--" + name));
    }

    [Fact]
    public void SpecsAreTheirSpellingInJson()
    {
        var config = new TrainingConfig { Layers = 1, DModel = 8, Heads = 1, Context = 8, Tokens = 100, Data = DataSourceSpec.Parse("synthetic:k=1,V=16"), Device = TrainingDevice.IlgpuCpu };
        string json = JsonSerializer.Serialize(config, RunJson.Options);
        Assert.Contains("\"data\": \"synthetic:k=1,V=16\"", json);
        Assert.Contains("\"device\": \"ilgpu-cpu\"", json);
        Assert.Contains("\"flop_model\": \"kaplan\"", json);
        Assert.Equal(config, JsonSerializer.Deserialize<TrainingConfig>(json, RunJson.Options));
        var bad = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<TrainingConfig>(json.Replace("ilgpu-cpu", "tpu"), RunJson.Options));
        Assert.Contains("unknown device 'tpu'", bad.Message);
    }

    [Fact]
    public void TextSourceSplitsDeterministicallyAndTokenizesBytes()
    {
        var bytes = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("héllo wörld, ", 100)));
        var source = new ByteTextSource(bytes, "mem");
        Assert.Equal(256, source.Vocab);
        Assert.Equal(bytes.Length - (int)Math.Ceiling(bytes.Length * 0.1), source.TrainingLength);
        var v = source.Validation(batch: 4, context: 16, sequences: 10);
        Assert.Equal(12, v.Sequences);
        Assert.Null(v.TrueDistributions);
        // Validation tokens come from the held-out tail only.
        var tail = bytes.Skip(source.TrainingLength).Select(b => (int)b).ToArray();
        Assert.Equal(tail.Take(16), v.Inputs.Take(16));
        var inputs = new int[4 * 16];
        var targets = new int[4 * 16];
        source.TrainingBatch(1, 0, 4, 16, inputs, targets);
        Assert.All(inputs, t => Assert.InRange(t, 0, 255));
    }

    [Fact]
    public void TooShortTextIsRejected()
    {
        var source = new ByteTextSource(new byte[30], "tiny.txt");
        var e = Assert.Throws<InputException>(() => source.CheckFits(16));
        Assert.Contains("'tiny.txt' is too short for context 16", e.Message);
    }
}
