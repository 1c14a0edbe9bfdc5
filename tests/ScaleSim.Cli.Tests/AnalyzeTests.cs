using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace ScaleSim.Cli.Tests;

public class AnalyzeTests
{
    [Fact]
    public void AnalyzeAUsersIsoFlopTable()
    {
        // Noise-free runs of a known Chinchilla law at four budgets, seven sizes each.
        using var csv = new SyntheticCsv();
        var text = new StringBuilder("N,D,loss\n");
        foreach (double c in new[] { 1e19, 1e20, 1e21, 1e22 })
            for (int k = 0; k < 7; k++)
            {
                double n = Math.Sqrt(c / 120) * Math.Pow(10, (k - 3) / 3.0), d = c / (6 * n);
                text.Append(CultureInfo.InvariantCulture, $"{n:R},{d:R},{1.8 + 480 / Math.Pow(n, 0.35) + 2100 / Math.Pow(d, 0.37):R}\n");
            }
        string path = csv.Write("isoflop.csv", text.ToString());
        var result = CliRunner.Run("analyze", path, "--bootstrap", "20", "--json");
        Assert.True(result.ExitCode == 0, result.Error);
        var json = JsonNode.Parse(result.Out)!;
        double truth = 0.37 / (0.35 + 0.37);
        Assert.InRange(json["approach2"]!["a"]!.GetValue<double>(), truth - 0.03, truth + 0.03);
        Assert.InRange(json["approach3"]!["a"]!.GetValue<double>(), truth - 0.01, truth + 0.01);
        Assert.InRange(json["E_fit"]!.GetValue<double>(), 1.75, 1.85);
        Assert.InRange(json["backtest"]!["loss_error"]!.GetValue<double>(), -0.01, 0.01);
    }

    [Fact]
    public void AnalyzeRefusesAMissingDirectoryTable()
    {
        string dir = Directory.CreateTempSubdirectory("analyze-").FullName;
        try
        {
            var result = CliRunner.Run("analyze", dir);
            Assert.Equal(2, result.ExitCode);
            Assert.Contains("no runs.csv", result.Error);
        }
        finally { Directory.Delete(dir); }
    }
}
