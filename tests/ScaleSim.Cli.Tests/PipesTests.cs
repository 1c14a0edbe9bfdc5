using System.Globalization;
using System.Text.Json.Nodes;

namespace ScaleSim.Cli.Tests;

/// <summary>Commands in pipes: tables from standard input (<c>-</c>), and <c>--format csv</c> that parses back to the JSON's numbers.</summary>
public class PipesTests
{
    [Fact]
    public void FitReadsItsRunsFromStandardInput()
    {
        using var csv = new SyntheticCsv();
        var fromFile = JsonNode.Parse(CliRunner.Run("fit", csv.Path, "--loss", "loss_c4", "--bootstrap", "0", "--json").Out)!.AsObject();
        var piped = CliRunner.RunWithInput(File.ReadAllText(csv.Path), "fit", "-", "--loss", "loss_c4", "--bootstrap", "0", "--json");
        Assert.Equal(0, piped.ExitCode);
        var fromStdin = JsonNode.Parse(piped.Out)!.AsObject();
        Assert.Equal("<stdin>", fromStdin["source"]!.GetValue<string>());
        foreach (var name in new[] { "E", "A", "B", "alpha", "beta", "objective" })
            Assert.Equal(fromFile[name]!.GetValue<double>(), fromStdin[name]!.GetValue<double>());
    }

    [Fact]
    public void AnalyzeReadsItsRunsFromStandardInputAndItsLawFilePlansWithIntervals()
    {
        using var csv = new SyntheticCsv();
        var text = new System.Text.StringBuilder("N,D,loss\n");
        foreach (double c in new[] { 1e19, 1e20, 1e21, 1e22 })
            for (int k = 0; k < 7; k++)
            {
                double n = Math.Sqrt(c / 120) * Math.Pow(10, (k - 3) / 3.0), d = c / (6 * n);
                text.Append(CultureInfo.InvariantCulture, $"{n:R},{d:R},{1.8 + 480 / Math.Pow(n, 0.35) + 2100 / Math.Pow(d, 0.37):R}\n");
            }
        string law = Path.Combine(csv.Directory, "law.json");
        var piped = CliRunner.RunWithInput(text.ToString(), "analyze", "-", "--bootstrap", "20", "--predict-at", "1e23", "--out", law, "--json");
        Assert.True(piped.ExitCode == 0, piped.Error);
        var fromFile = CliRunner.Run("analyze", csv.Write("isoflop.csv", text.ToString()), "--bootstrap", "20", "--json");
        Assert.Equal(JsonNode.Parse(fromFile.Out)!["approach3"]!["a"]!.GetValue<double>(), JsonNode.Parse(piped.Out)!["approach3"]!["a"]!.GetValue<double>());

        // The plan's interval at the analysis' own budget is Approach 3's: the same resamples, the same quantile.
        // --format csv: one row per approach, each cell the JSON's value.
        var rows = CliRunner.Run("analyze", Path.Combine(csv.Directory, "isoflop.csv"), "--bootstrap", "20", "--format", "csv").Out.TrimEnd('\n').Split('\n');
        var header = rows[0].Split(',');
        Assert.Equal(4, rows.Length);
        var analysis = JsonNode.Parse(fromFile.Out)!;
        foreach (var row in rows.Skip(1))
        {
            var cells = header.Zip(row.Split(',')).ToDictionary(p => p.First, p => p.Second);
            var approach = analysis[$"approach{cells["approach"]}"]!;
            Assert.Equal(approach["a"]!.GetValue<double>(), double.Parse(cells["a"], CultureInfo.InvariantCulture));
            Assert.Equal(approach["ci95"]!["a"]![1]!.GetValue<double>(), double.Parse(cells["ci95.a.1"], CultureInfo.InvariantCulture));
        }

        var plan = JsonNode.Parse(CliRunner.Run("plan", "--law", law, "--flops", "1e23", "--json").Out)!;
        var approach3 = plan["approaches"]!["approach3"]!;
        Assert.Equal(20, plan["bootstrap"]!["resamples"]!.GetValue<int>());
        for (int end = 0; end < 2; end++)
            Assert.Equal(1, plan["ci95"]!["params"]![end]!.GetValue<double>() / approach3["ci95"]!["params"]![end]!.GetValue<double>(), 6);
    }

    [Fact]
    public void TasksFitReadsJsonLinesFromStandardInput()
    {
        using var table = new TaskTableFile();
        var lines = File.ReadAllLines(table.Path);
        var header = lines[0].Split(',');
        // The same table as JSON Lines: standard input has no extension, so its format is read from its content.
        var jsonl = string.Join("\n", lines.Skip(1).Select(line => new JsonObject(header.Zip(line.Split(','), (h, v) =>
            KeyValuePair.Create(h, (JsonNode?)(double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) ? JsonValue.Create(x) : JsonValue.Create(v))))).ToJsonString()));
        var fromFile = CliRunner.Run("tasks", "fit", table.Path, "--task", "arithmetic-4digit", "--bootstrap", "0", "--json");
        var piped = CliRunner.RunWithInput(jsonl, "tasks", "fit", "-", "--task", "arithmetic-4digit", "--bootstrap", "0", "--json");
        Assert.Equal(0, piped.ExitCode);
        // The file's name where the table was a file, <stdin> (JSON-escaped) where it was piped.
        Assert.Equal(fromFile.Out.Replace(Path.GetFileName(table.Path), "SOURCE"), piped.Out.Replace("\\u003Cstdin\\u003E", "SOURCE").Replace("<stdin>", "SOURCE"));
    }

    [Fact]
    public void BadInputOnStandardInputIsNamedStdin()
    {
        var result = CliRunner.RunWithInput("params,tokens,loss\n1e9,2e10\n", "fit", "-");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.StartsWith("scalesim: error: <stdin> line 2:", result.Error);
        Assert.Single(result.Error.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void PlanCsvParsesBackToTheJsonRows()
    {
        string[] plan = ["plan", "--flops", "1e20:1e24:x10", "--gpu", "h100", "--gpus", "256"];
        var json = JsonNode.Parse(CliRunner.Run([.. plan, "--json"]).Out)!["rows"]!.AsArray();
        var csv = CliRunner.Run([.. plan, "--format", "csv"]);
        Assert.Equal(0, csv.ExitCode);
        var lines = csv.Out.TrimEnd('\n').Split('\n');
        var header = lines[0].Split(',');
        Assert.Equal(json.Count + 1, lines.Length);
        for (int row = 0; row < json.Count; row++)
        {
            var cells = header.Zip(lines[row + 1].Split(',')).ToDictionary(p => p.First, p => p.Second);
            var expected = json[row]!;
            foreach (var (column, value) in new[] { ("flops", expected["flops"]), ("params", expected["params"]), ("tokens", expected["tokens"]),
                ("loss", expected["loss"]), ("tokens_per_param", expected["tokens_per_param"]), ("gpu_hours", expected["cost"]!["gpu_hours"]),
                ("wall_clock_days", expected["cost"]!["wall_clock_days"]) })
                // Full precision: the CSV's text parses to exactly the JSON's double.
                Assert.Equal(value!.GetValue<double>(), double.Parse(cells[column], CultureInfo.InvariantCulture));
            Assert.Equal("256", cells["gpus"]);
            Assert.Equal("", cells["params_ci95_low"]);
        }
    }

    [Fact]
    public void FitCsvParsesBackToTheJsonEstimatesAndIntervals()
    {
        using var csv = new SyntheticCsv();
        var json = JsonNode.Parse(CliRunner.Run("fit", csv.Path, "--loss", "loss_c4", "--bootstrap", "20", "--json").Out)!;
        var lines = CliRunner.Run("fit", csv.Path, "--loss", "loss_c4", "--bootstrap", "20", "--format", "csv").Out.TrimEnd('\n').Split('\n');
        Assert.Equal("parameter,estimate,ci95_low,ci95_high,standard_error", lines[0]);
        foreach (var line in lines.Skip(1))
        {
            var cells = line.Split(',');
            double Cell(int i) => double.Parse(cells[i], CultureInfo.InvariantCulture);
            Assert.Equal(json[cells[0]]!.GetValue<double>(), Cell(1));
            Assert.Equal(json["ci95"]![cells[0]]![0]!.GetValue<double>(), Cell(2));
            Assert.Equal(json["ci95"]![cells[0]]![1]!.GetValue<double>(), Cell(3));
            Assert.Equal(json["se"]![cells[0]]!.GetValue<double>(), Cell(4));
        }
        Assert.Equal(7, lines.Length - 1); // E, A, B, alpha, beta and the exponents a, b
    }

    [Fact]
    public void JsonIsASynonymOfFormatJsonAndRefusesADifferentFormat()
    {
        Assert.Equal(CliRunner.Run("plan", "--flops", "1e22", "--json").Out, CliRunner.Run("plan", "--flops", "1e22", "--format", "json").Out);
        var clash = CliRunner.Run("plan", "--flops", "1e22", "--json", "--format", "csv");
        Assert.Equal(2, clash.ExitCode);
        Assert.Contains("--json and --format csv disagree", clash.Error);
        var bad = CliRunner.Run("plan", "--flops", "1e22", "--format", "xml");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("'xml' is not one of table, json, csv", bad.Error);
    }

    [Theory]
    [InlineData("compare")]
    [InlineData("predict", "--law", "epoch", "--params", "70B", "--tokens", "1.4T")]
    [InlineData("tasks", "fit", "TASKS", "--bootstrap", "10")]
    [InlineData("tasks", "predict", "TASKS", "--task", "knowledge-mc", "--target-flops", "1e24", "--bootstrap", "10")]
    public void CsvCellsAreTheJsonValuesAtTheirColumnPaths(params string[] args)
    {
        using var table = new TaskTableFile();
        args = args.Select(a => a == "TASKS" ? table.Path : a).ToArray();
        var json = JsonNode.Parse(CliRunner.Run([.. args, "--json"]).Out)!;
        var csv = CliRunner.Run([.. args, "--format", "csv"]);
        Assert.Equal(0, csv.ExitCode);
        var lines = csv.Out.TrimEnd('\n').Split('\n');
        Assert.DoesNotContain('"', csv.Out);
        var header = lines[0].Split(',');
        // Where the JSON's rows are: the whole object, its curves, or one object per model.
        var rows = args[0] switch
        {
            "compare" => json.AsObject().Select(m => (Node: m.Value!, Prefix: (string?)m.Key)).ToList(),
            "tasks" when args[1] == "fit" => json["curves"]!.AsArray().Select(c => (Node: c!, Prefix: (string?)null)).ToList(),
            _ => [(Node: json, Prefix: null)],
        };
        Assert.Equal(rows.Count, lines.Length - 1);
        int compared = 0;
        foreach (var ((node, model), line) in rows.Zip(lines.Skip(1)))
        {
            var cells = line.Split(',');
            if (model is not null) Assert.Equal(model, cells[Array.IndexOf(header, "model")]);
            compared += CsvAgainstJson.AssertRow(header, cells, node, "model");
        }
        Assert.True(compared >= 4, $"only {compared} cells compared");
    }
}
