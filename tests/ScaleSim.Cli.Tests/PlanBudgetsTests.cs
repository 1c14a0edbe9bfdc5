using System.Text.Json.Nodes;

namespace ScaleSim.Cli.Tests;

/// <summary><c>plan</c> as a planner uses it: several budgets, suffixed sizes, refused splits, intervals from a law file, and cost.</summary>
public class PlanBudgetsTests
{
    [Fact]
    public void SeveralBudgetsGiveOneRowEachEqualToPlanningEachAlone()
    {
        var result = CliRunner.Run("plan", "--flops", "1e21,1e23", "--json");
        Assert.Equal(0, result.ExitCode);
        var rows = JsonNode.Parse(result.Out)!["rows"]!.AsArray();
        Assert.Equal(2, rows.Count);
        foreach (var (row, budget) in rows.Zip(new[] { "1e21", "1e23" }))
        {
            var alone = JsonNode.Parse(CliRunner.Run("plan", "--flops", budget, "--json").Out)!;
            foreach (var field in new[] { "flops", "params", "tokens", "loss" })
                Assert.Equal(alone[field]!.GetValue<double>(), row![field]!.GetValue<double>());
        }
        var table = CliRunner.Run("plan", "--flops", "1e21:1e25:x10");
        Assert.Equal(5, table.Out.Split('\n').Count(l => l.Contains("│ plan ")));
    }

    [Fact]
    public void SizesTakeSuffixesAndTablesPrintThem()
    {
        var json = JsonNode.Parse(CliRunner.Run("plan", "--flops", "5.76e23", "--params", "70B", "--json").Out)!;
        Assert.Equal(70e9, json["params"]!.GetValue<double>());
        Assert.Equal(5.76e23 / (6 * 70e9), json["tokens"]!.GetValue<double>(), 1e-3);
        var table = CliRunner.Run("plan", "--flops", "5.76e23", "--params", "70B");
        Assert.Contains("70.0B", table.Out);
        Assert.Contains("1.37T", table.Out);
        var bad = CliRunner.Run("plan", "--flops", "5.76e23", "--params", "70X");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--params: '70X' is not a number", bad.Error);
    }

    [Fact]
    public void RefusesASplitThatIsNotATrainingRun()
    {
        var result = CliRunner.Run("plan", "--flops", "1e21", "--params", "1e30");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.Contains("is not a training run", result.Error);
        Assert.Single(result.Error.TrimEnd('\n').Split('\n'));
        Assert.Equal(2, CliRunner.Run("plan", "--flops", "1e21", "--tokens", "1M").ExitCode);

        // Kaplan's frontier for a 1T-parameter model is its own answer, 0.13 tokens per parameter: planned, with a warning.
        var frontier = CliRunner.Run("plan", "--params", "1T", "--law", "kaplan", "--json");
        Assert.Equal(0, frontier.ExitCode);
        Assert.InRange(JsonNode.Parse(frontier.Out)!["tokens_per_param"]!.GetValue<double>(), 0, 1);
        Assert.Contains("fewer tokens than parameters", frontier.Error);
    }

    [Fact]
    public void IntervalsFromALawFileEqualPlanningEachResampleByHand()
    {
        using var csv = new SyntheticCsv();
        string law = Path.Combine(csv.Directory, "law.json");
        Assert.Equal(0, CliRunner.Run("fit", csv.Path, "--loss", "loss_c4", "--bootstrap", "40", "--seed", "3", "--out", law).ExitCode);
        var file = JsonNode.Parse(File.ReadAllText(law))!;
        var samples = file["bootstrap"]!["samples"]!;
        double[] Column(string name) => samples[name]!.AsArray().Select(v => v!.GetValue<double>()).ToArray();
        double[] e = Column("E"), a = Column("A"), b = Column("B"), alpha = Column("alpha"), beta = Column("beta");
        Assert.Equal(40, e.Length);

        const double flops = 1e23;
        var result = CliRunner.Run("plan", "--law", law, "--flops", "1e23", "--json");
        Assert.Equal(0, result.ExitCode);
        var json = JsonNode.Parse(result.Out)!;

        // Each resample's compute-optimal split, N_opt = G·(C/6)^(β/(α+β)) with G = (αA/βB)^(1/(α+β)) (Hoffmann et al. 2022, Eq. 4).
        var ns = Enumerable.Range(0, e.Length).Select(i => Math.Pow(alpha[i] * a[i] / (beta[i] * b[i]), 1 / (alpha[i] + beta[i])) * Math.Pow(flops / 6, beta[i] / (alpha[i] + beta[i]))).ToArray();
        var ds = ns.Select(n => flops / (6 * n)).ToArray();
        var losses = Enumerable.Range(0, e.Length).Select(i => e[i] + a[i] / Math.Pow(ns[i], alpha[i]) + b[i] / Math.Pow(ds[i], beta[i])).ToArray();
        foreach (var (name, values) in new[] { ("params", ns), ("tokens", ds), ("loss", losses) })
        {
            var ci = json["ci95"]![name]!.AsArray();
            Assert.Equal(1, ci[0]!.GetValue<double>() / Type8(values, 0.025), 8);
            Assert.Equal(1, ci[1]!.GetValue<double>() / Type8(values, 0.975), 8);
        }
        Assert.Equal(40, json["bootstrap"]!["resamples"]!.GetValue<int>());
        Assert.Contains("params N [95%]", CliRunner.Run("plan", "--law", law, "--flops", "1e23").Out);
    }

    [Fact]
    public void AnOldLawFileWithoutResamplesStillPlans()
    {
        using var csv = new SyntheticCsv();
        string law = csv.Write("old.json", """{"law": "chinchilla", "E": 1.8, "A": 480, "B": 2100, "alpha": 0.35, "beta": 0.37}""");
        var result = CliRunner.Run("plan", "--law", law, "--flops", "1e22", "--json");
        Assert.Equal(0, result.ExitCode);
        Assert.Null(JsonNode.Parse(result.Out)!["ci95"]);
    }

    [Fact]
    public void WarnsWhenTheSplitLiesOutsideTheFittedRuns()
    {
        using var csv = new SyntheticCsv();
        string law = Path.Combine(csv.Directory, "law.json");
        Assert.Equal(0, CliRunner.Run("fit", csv.Path, "--loss", "loss_c4", "--bootstrap", "0", "--out", law).ExitCode);
        var range = JsonNode.Parse(File.ReadAllText(law))!["fitted_range"]!["tokens_per_param"]!.AsArray();
        double most = range[1]!.GetValue<double>();
        // A 1e9-parameter model on 10× the most tokens per parameter fitted.
        string flops = (6 * 1e9 * 1e9 * most * 10).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        var result = CliRunner.Run("plan", "--law", law, "--flops", flops, "--params", "1e9", "--json");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("outside the fitted runs'", result.Error);
        Assert.Single(JsonNode.Parse(result.Out)!["warnings"]!.AsArray());
        Assert.Equal("", CliRunner.Run("plan", "--law", law, "--flops", "1e21").Error);
    }

    [Fact]
    public void CostIsTheBudgetOverTheAchievedThroughput()
    {
        var json = JsonNode.Parse(CliRunner.Run("plan", "--flops", "5.76e23", "--gpu", "a100", "--gpus", "1024", "--json").Out)!["cost"]!;
        double hours = 5.76e23 / (312e12 * 0.4) / 3600;
        Assert.Equal(hours, json["gpu_hours"]!.GetValue<double>(), 1e-6);
        Assert.Equal(hours / 1024 / 24, json["wall_clock_days"]!.GetValue<double>(), 1e-9);
        Assert.Equal(0.4, json["mfu"]!.GetValue<double>());
        var peak = JsonNode.Parse(CliRunner.Run("plan", "--flops", "5.76e23", "--peak-flops", "312T", "--mfu", "0.5", "--json").Out)!["cost"]!;
        Assert.Equal(hours * 0.4 / 0.5, peak["gpu_hours"]!.GetValue<double>(), 1e-6);
        var table = CliRunner.Run("plan", "--flops", "5.76e23", "--gpu", "a100", "--gpus", "1024");
        Assert.Contains("GPU-hours", table.Out);
        Assert.Contains("days on 1024", table.Out);
        // Thousands of days read with a suffix, as the GPU-hours beside them do, not as 4.57E+03.
        var decade = CliRunner.Run("plan", "--flops", "1e25", "--gpu", "h100", "--gpus", "64");
        Assert.Contains("4.57K", decade.Out);
        Assert.DoesNotContain("E+", decade.Out);
        Assert.Equal(2, CliRunner.Run("plan", "--flops", "1e22", "--gpus", "8").ExitCode);
        var unknown = CliRunner.Run("plan", "--flops", "1e22", "--gpu", "abacus");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("--gpu 'abacus' is not in the table", unknown.Error);
        Assert.Contains("--peak-flops", unknown.Error);
    }

    // Hyndman and Fan's type 8, written out here rather than taken from the code under test.
    private static double Type8(double[] samples, double p)
    {
        var x = samples.Order().ToArray();
        double h = (x.Length + 1.0 / 3) * p + 1.0 / 3;
        if (h <= 1) return x[0];
        if (h >= x.Length) return x[^1];
        int k = (int)Math.Floor(h);
        return x[k - 1] + (h - k) * (x[k] - x[k - 1]);
    }
}
