using System.Globalization;
using System.Text.Json.Nodes;

namespace ScaleSim.Cli.Tests;

/// <summary>
/// <c>--format table|json|csv</c> on the commands that gained it: the CSV parses back to the JSON's rows, number for
/// number; <c>--format json</c> prints what <c>--json</c> does; the two disagreeing are refused.
/// </summary>
public class FormatOptionTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("format-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    /// <summary>DIR becomes a fresh directory under the test's; a timing field named by <paramref name="timed"/> is dropped before comparing two runs.</summary>
    [Theory]
    [InlineData("runs", "", "sweep", "plan", "tiny-chinchilla-quick", "--no-estimate")]
    [InlineData("runs", "", "sweep", "status", "tiny-chinchilla-quick", "--out", "DIR")]
    [InlineData("emergent_abilities", "", "tasks", "published")]
    [InlineData("points", "", "tasks", "artifact", "--length", "3,10")]
    [InlineData("approaches", "seconds", "bench", "predict", "--seeds", "1", "--bootstrap", "2", "--budgets", "4")]
    [InlineData("checks", "seconds", "bench", "verify", "--device", "cpu", "--shapes", "tiny", "--checks", "reference")]
    [InlineData("kernels", "", "bench", "ptx", "--out", "DIR")]
    public void CsvRowsAreTheJsonRowsAndFormatJsonIsJson(string rows, string timed, params string[] args)
    {
        string dir = Path.Combine(_root, "dir");
        Directory.CreateDirectory(dir);
        args = args.Select(a => a == "DIR" ? dir : a).ToArray();
        var json = CliRunner.Run([.. args, "--json"]);
        Assert.True(json.ExitCode == 0, json.Error);
        var asFormat = CliRunner.Run([.. args, "--format", "json"]);
        Assert.Equal(Untimed(json.Out, timed), Untimed(asFormat.Out, timed));

        var csv = CliRunner.Run([.. args, "--format", "csv"]);
        Assert.True(csv.ExitCode == 0, csv.Error);
        var (header, lines) = CsvAgainstJson.Parse(csv.Out);
        var expected = JsonNode.Parse(json.Out)![rows]!.AsArray();
        Assert.Equal(expected.Count, lines.Count);
        Assert.Equal(CsvAgainstJson.Columns(expected[0]), header);
        int compared = expected.Zip(lines).Sum(p => CsvAgainstJson.AssertRow(header, p.Second, p.First!));
        Assert.True(compared >= 2 * lines.Count, $"only {compared} cells compared");
    }

    [Theory]
    [InlineData("simulate", "--quick")]
    [InlineData("train", "--layers", "1", "--d-model", "8", "--heads", "2", "--context", "4", "--tokens", "1000")]
    [InlineData("replicate", "chinchilla")]
    [InlineData("explain", "kaplan-vs-chinchilla")]
    [InlineData("sweep", "plan", "tiny-chinchilla-quick")]
    [InlineData("sweep", "status", "tiny-chinchilla-quick")]
    [InlineData("tasks", "published")]
    [InlineData("tasks", "artifact")]
    [InlineData("bench", "fit")]
    [InlineData("bench", "train", "--layers", "1", "--d-model", "8", "--heads", "2", "--context", "4", "--vocab", "11")]
    [InlineData("bench", "predict")]
    [InlineData("bench", "verify")]
    [InlineData("bench", "concurrent", "--layers", "1", "--d-model", "8", "--heads", "2", "--context", "4", "--vocab", "11")]
    [InlineData("bench", "ptx", "--out", "unused")]
    public void JsonAndADifferentFormatAreRefusedBeforeAnyWork(params string[] args)
    {
        var clash = CliRunner.Run([.. args, "--json", "--format", "csv"]);
        Assert.Equal(2, clash.ExitCode);
        Assert.Equal("", clash.Out);
        Assert.Equal("scalesim: error: --json and --format csv disagree; give one of them", clash.Error.TrimEnd('\n'));
        var bad = CliRunner.Run([.. args, "--format", "xml"]);
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--format: 'xml' is not one of table, json, csv", bad.Error);
        Assert.False(Directory.Exists("unused"));
    }

    [Fact]
    public void ExplainCsvIsPearceAndSongsTableAtFullPrecision()
    {
        var json = CliRunner.Run("explain", "kaplan-vs-chinchilla", "--json").Out;
        Assert.Equal(json, CliRunner.Run("explain", "kaplan-vs-chinchilla", "--format", "json").Out);
        var r = JsonNode.Parse(json)!;
        var (header, rows) = CsvAgainstJson.Parse(CliRunner.Run("explain", "kaplan-vs-chinchilla", "--format", "csv").Out);
        Assert.Equal(["params", "flop_model", "range", "flops_low", "flops_high", "exponent"], header);
        Assert.Equal(4, rows.Count);
        foreach (var row in rows)
        {
            double Cell(int i) => double.Parse(row[i], CultureInfo.InvariantCulture);
            Assert.Equal(r["flop_models"]![row[0]]!.GetValue<string>(), row[1]);
            Assert.Equal(r[$"{row[2]}_range"]![0]!.GetValue<double>(), Cell(3));
            Assert.Equal(r[$"{row[2]}_range"]![1]!.GetValue<double>(), Cell(4));
            Assert.Equal(r["exponents"]![$"{row[0]}_{(row[2] == "kaplan" ? "kaplan_range" : "large_scale")}"]!.GetValue<double>(), Cell(5));
        }
        Assert.Equal(["non_embedding", "total", "non_embedding", "total"], rows.Select(row => row[0]));
    }

    /// <summary>Timed benchmarks measure anew each run: the CSV has the JSON's columns and the values that are not timings.</summary>
    [Theory]
    [InlineData("measurements", "runs", "bench", "concurrent", "--layers", "1", "--d-model", "8", "--heads", "2", "--context", "4", "--vocab", "11",
        "--batch", "2", "--device", "cpu", "--runs", "1,2", "--seconds", "0.05", "--warmup", "0")]
    [InlineData("", "params", "bench", "train", "--layers", "1", "--d-model", "8", "--heads", "2", "--context", "4", "--vocab", "11",
        "--batch", "2", "--device", "cpu", "--threads", "1", "--warmup", "0", "--seconds", "0.01", "--min-steps", "1")]
    [InlineData("", "objective", "bench", "fit", "--repeat", "1", "--bootstrap", "2")]
    public void TimedBenchmarkCsvHasTheJsonColumns(string rows, string untimed, params string[] args)
    {
        var json = CliRunner.Run([.. args, "--format", "json"]);
        Assert.True(json.ExitCode == 0, json.Error);
        var node = JsonNode.Parse(json.Out)!;
        List<JsonNode> expected = rows.Length == 0 ? [node] : node[rows]!.AsArray().Select(n => n!).ToList();
        var csv = CliRunner.Run([.. args, "--format", "csv"]);
        Assert.True(csv.ExitCode == 0, csv.Error);
        var (header, lines) = CsvAgainstJson.Parse(csv.Out);
        Assert.Equal(CsvAgainstJson.Columns(expected[0]), header);
        Assert.Equal(expected.Count, lines.Count);
        int column = Array.IndexOf(header, untimed);
        foreach (var (row, line) in expected.Zip(lines))
            Assert.Equal(row[untimed]!.GetValue<double>(), double.Parse(line[column], CultureInfo.InvariantCulture));
    }

    private static string Untimed(string json, string timed)
    {
        if (timed.Length == 0) return json;
        var node = JsonNode.Parse(json)!.AsObject();
        node.Remove(timed);
        return node.ToJsonString();
    }
}
