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
    public void AFitThatFailsIsReportedAsAFailedFitNotAsAnOption()
    {
        // Loss that rises with model size: the parametric law fits with a negative exponent and has no optimum.
        using var csv = new SyntheticCsv();
        var text = new StringBuilder("N,D,loss\n");
        double[] budgets = [1e18, 1e19, 1e20];
        for (int i = 0; i < budgets.Length; i++)
            for (int k = 0; k < 6; k++)
            {
                double n = Math.Sqrt(budgets[i] / 6) * 0.1 * Math.Pow(10, k / 2.5), d = budgets[i] / (6 * n);
                double loss = (2 + 1e-2 * Math.Pow(n, 0.2)) * Math.Exp(0.002 * Math.Sin(12.9898 * k + 78.233 * i));
                text.Append(CultureInfo.InvariantCulture, $"{n:R},{d:R},{loss:R}\n");
            }
        var result = CliRunner.Run("analyze", csv.Write("inverse.csv", text.ToString()), "--bootstrap", "10");
        Assert.Equal(ScaleSimApp.FitFailed, result.ExitCode);
        Assert.StartsWith("scalesim: error: fit failed: Approach 3 (parametric fit) on inverse.csv: ", result.Error);
        Assert.Contains("no finite compute-optimal allocation", result.Error);
        Assert.DoesNotContain("--", result.Error);
        Assert.Single(result.Error.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void ColumnOptionsDoNotApplyToASweepDirectory()
    {
        var result = CliRunner.Run("analyze", Path.Combine(SnapshotRoot(), "experiments", "tiny-chinchilla"), "--n", "params");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--n map the columns of a runs file; a sweep directory's columns are fixed", result.Error);
    }

    private static string SnapshotRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ScaleSim.sln"))) return dir.FullName;
        throw new InvalidOperationException("no ScaleSim.sln above the test directory");
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
