using System.Text.Json.Nodes;

namespace ScaleSim.Cli.Tests;

public class ReplicateTests
{
    [Fact]
    public void ReplicateChinchillaWritesAReportFiguresAndJson()
    {
        string dir = Directory.CreateTempSubdirectory("replicate-").FullName;
        try
        {
            var result = CliRunner.Run("replicate", "chinchilla", "--out", dir, "--bootstrap", "50", "--json");
            Assert.Equal(0, result.ExitCode);
            var json = JsonNode.Parse(result.Out)!.AsObject();
            Assert.Equal("chinchilla", json["fit"]!["law"]!.GetValue<string>());
            Assert.Equal(240, json["fit"]!["points"]!.GetValue<int>());
            Assert.True(json["fit"]!["objective"]!.GetValue<double>() <= 1.018274e-3 * (1 + 1e-6));
            foreach (var law in new[] { "hoffmann", "epoch", "refit" })
            {
                double gopher = json["gopher"]!["loss"]![law]!.GetValue<double>();
                double chinchilla = json["chinchilla"]!["loss"]![law]!.GetValue<double>();
                Assert.True(chinchilla < gopher, $"{law}: Chinchilla {chinchilla} vs Gopher {gopher}");
            }
            Assert.InRange(json["gopher"]!["flops"]!.GetValue<double>(), 5e23, 5.1e23);

            string report = File.ReadAllText(Path.Combine(dir, "report.md"));
            Assert.Contains("## Fitted parameters", report);
            Assert.Contains($"Reproduce with `scalesim replicate chinchilla` (this report was written by ScaleSim {ScaleSimVersion.Current};", report);
            Assert.Contains("## Table A3 (Approach 3) recomputed", report);
            Assert.Contains("## Gopher against Chinchilla", report);
            foreach (var figure in new[] { "isoflop-gopher-chinchilla", "loss-contours", "bootstrap-a", "residuals" })
            {
                Assert.True(new FileInfo(Path.Combine(dir, "figures", figure + ".png")).Length > 10_000, figure);
                Assert.True(File.Exists(Path.Combine(dir, "figures", figure + ".svg")), figure);
                Assert.Contains($"figures/{figure}.png", report);
            }
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Fact]
    public void ReplicateCsvIsTheParameterTableAndFormatJsonIsJson()
    {
        string dir = Directory.CreateTempSubdirectory("replicate-format-").FullName;
        try
        {
            string[] args = ["replicate", "chinchilla", "--out", dir, "--bootstrap", "3"];
            var json = CliRunner.Run([.. args, "--json"]);
            Assert.True(json.ExitCode == 0, json.Error);
            Assert.Equal(json.Out, CliRunner.Run([.. args, "--format", "json"]).Out);
            var fit = JsonNode.Parse(json.Out)!["fit"]!;

            var (header, rows) = CsvAgainstJson.Parse(CliRunner.Run([.. args, "--format", "csv"]).Out);
            Assert.Equal(["parameter", "estimate", "ci95_low", "ci95_high", "standard_error", "epoch", "hoffmann"], header);
            Assert.Equal(["E", "A", "B", "alpha", "beta"], rows.Select(r => r[0]));
            for (int i = 0; i < rows.Count; i++)
            {
                string name = rows[i][0];
                double Cell(int column) => double.Parse(rows[i][column], System.Globalization.CultureInfo.InvariantCulture);
                Assert.Equal(fit[name]!.GetValue<double>(), Cell(1));
                Assert.Equal(fit["ci95"]![name]![0]!.GetValue<double>(), Cell(2));
                Assert.Equal(fit["ci95"]![name]![1]!.GetValue<double>(), Cell(3));
                Assert.Equal(fit["se"]![name]!.GetValue<double>(), Cell(4));
                Assert.Equal(ScaleSim.Laws.PublishedLaws.Epoch.Law.ParameterValues[i], Cell(5));
                Assert.Equal(ScaleSim.Laws.PublishedLaws.Hoffmann.Law.ParameterValues[i], Cell(6));
            }
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Fact]
    public void TooFewResamplesAreRefused()
    {
        var result = CliRunner.Run("replicate", "chinchilla", "--bootstrap", "1");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--bootstrap must be at least 2", result.Error);
    }
}
