using System.Text.Json.Nodes;

namespace ScaleSim.Cli.Tests;

public class ConstraintCommandTests
{
    private static JsonNode Json(params string[] args)
    {
        var result = CliRunner.Run(args);
        Assert.True(result.ExitCode == 0, result.Error);
        return JsonNode.Parse(result.Out)!;
    }

    [Fact]
    public void PredictReproducesMuennighoffsCheckValue()
    {
        var json = Json("predict", "--law", "muennighoff", "--params", "6.34e9", "--tokens", "242e9", "--unique-tokens", "25e9", "--json");
        Assert.Equal(2.2256440889984477, json["loss"]!.GetValue<double>(), 13);
        Assert.Equal(9.68, json["epochs"]!.GetValue<double>(), 10);
    }

    [Fact]
    public void PredictWithUniqueTokensAtOrAboveDMatchesTheUnconstrainedLaw()
    {
        double unconstrained = Json("predict", "--law", "muennighoff", "--params", "1e9", "--tokens", "2e10", "--json")["loss"]!.GetValue<double>();
        double atD = Json("predict", "--law", "muennighoff", "--params", "1e9", "--tokens", "2e10", "--unique-tokens", "2e10", "--json")["loss"]!.GetValue<double>();
        double above = Json("predict", "--law", "muennighoff", "--params", "1e9", "--tokens", "2e10", "--unique-tokens", "1e12", "--json")["loss"]!.GetValue<double>();
        Assert.Equal(unconstrained, atD, 14);
        Assert.Equal(unconstrained, above, 14);
    }

    [Fact]
    public void PredictMatchesPlanAndConvertsParameterConventions()
    {
        var plan = Json("plan", "--flops", "5.76e23", "--law", "epoch", "--json");
        var predicted = Json("predict", "--law", "epoch", "--params", plan["params"]!.ToString(), "--tokens", plan["tokens"]!.ToString(), "--json");
        Assert.Equal(plan["loss"]!.GetValue<double>(), predicted["loss"]!.GetValue<double>(), 10);

        // 1.5e9 non-embedding parameters are more in total; the Chinchilla law counts total parameters.
        var converted = Json("predict", "--law", "epoch", "--params", "1.5e9", "--params-convention", "non-embedding", "--tokens", "3e10", "--json");
        Assert.Equal("total", converted["params_convention"]!.GetValue<string>());
        Assert.True(converted["params"]!.GetValue<double>() > 1.5e9);
        Assert.Equal("non-embedding", converted["params_given"]!["convention"]!.GetValue<string>());
    }

    [Fact]
    public void PredictReadsFittedAndMoeLawFiles()
    {
        using var csv = new SyntheticCsv();
        string moe = csv.Write("moe.json", "{\"law\":\"moe-fine-grained\",\"c\":1.7,\"a\":400,\"alpha\":0.33,\"b\":400,\"beta\":0.3,\"g\":80,\"gamma\":0.6}");
        double coarse = Json("predict", "--law", moe, "--params", "1e9", "--tokens", "2e10", "--json")["loss"]!.GetValue<double>();
        double fine = Json("predict", "--law", moe, "--params", "1e9", "--tokens", "2e10", "--granularity", "8", "--json")["loss"]!.GetValue<double>();
        Assert.True(fine < coarse);

        string routed = csv.Write("routed.json", "{\"law\":\"moe-routed\",\"a\":-0.08,\"b\":-0.1,\"c\":0.008,\"d\":1.1}");
        var json = Json("predict", "--law", routed, "--params", "1e9", "--experts", "64", "--json");
        Assert.True(json["effective_params"]!.GetValue<double>() > 1e9);
    }

    [Fact]
    public void PlanWithAmpleUniqueTokensIsTheUnconstrainedPlan()
    {
        var json = Json("plan", "--flops", "1e22", "--unique-tokens", "1e15", "--json");
        Assert.Equal(json["unlimited"]!["params"]!.GetValue<double>(), json["params"]!.GetValue<double>(), 1e6);
        Assert.Empty(json["warnings"]!.AsArray());
    }

    [Fact]
    public void PlanMoeWithALawFileAndADenseLaw()
    {
        using var csv = new SyntheticCsv();
        string moe = csv.Write("moe.json", "{\"law\":\"moe-fine-grained\",\"c\":1.7,\"a\":400,\"alpha\":0.33,\"b\":400,\"beta\":0.3,\"g\":80,\"gamma\":0.6}");
        var json = Json("plan", "--flops", "1e22", "--experts", "64", "--granularity", "8", "--law", moe, "--dense-law", "hoffmann", "--json");
        foreach (var field in new[] { "active_params", "total_params", "tokens", "loss", "router_flops_fraction", "dense_compute_multiplier" })
            Assert.True(json.AsObject().ContainsKey(field), field);
        Assert.True(json["total_params"]!.GetValue<double>() > 10 * json["active_params"]!.GetValue<double>());
    }

    [Fact]
    public void FitOfTheDataConstrainedLawWritesALawFileThatPredictReads()
    {
        using var csv = new SyntheticCsv();
        var text = new System.Text.StringBuilder("N,D,U,loss\n");
        var truth = new ScaleSim.Laws.DataConstrainedLaw(1.9, 500, 1500, 0.34, 0.36, 12, 4);
        foreach (double flops in new[] { 1e18, 1e19, 1e20, 1e21 })
        foreach (double size in new[] { 0.3, 1, 3 })
        foreach (double epochs in new[] { 1, 4, 16, 60 })
        {
            double n = Math.Sqrt(flops / 120) * size, d = flops / (6 * n), u = d / epochs;
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{n:R},{d:R},{u:R},{truth.Loss(n, d, u):R}\n");
        }
        string runs = csv.Write("repeated.csv", text.ToString());
        string law = Path.Combine(csv.Directory, "dc.json");
        var fit = CliRunner.Run("fit", runs, "--law", "data-constrained", "--bootstrap", "0", "--out", law, "--json");
        Assert.True(fit.ExitCode == 0, fit.Error);
        var predicted = Json("predict", "--law", law, "--params", "1e9", "--tokens", "1e11", "--unique-tokens", "1e10", "--json");
        Assert.Equal(truth.Loss(1e9, 1e11, 1e10), predicted["loss"]!.GetValue<double>(), 3);
    }

    [Fact]
    public void PlanFiguresAreWritten()
    {
        using var csv = new SyntheticCsv();
        string dir = Path.Combine(csv.Directory, "figs");
        Assert.Equal(0, CliRunner.Run("plan", "--flops", "1e22", "--unique-tokens", "1e10", "--plot", dir).ExitCode);
        Assert.Equal(0, CliRunner.Run("plan", "--target-loss", "2.1", "--inference-tokens", "1e13", "--plot", dir).ExitCode);
        Assert.Equal(0, CliRunner.Run("plan", "--flops", "1e22", "--overhead", "--plot", dir).ExitCode);
        Assert.Equal(0, CliRunner.Run("explain", "kaplan-vs-chinchilla", "--plot", dir).ExitCode);
        foreach (var name in new[] { "data-constrained-profile", "inference-total-cost", "small-model-overhead", "kaplan-vs-chinchilla-frontier", "porian-steps" })
        {
            Assert.True(File.Exists(Path.Combine(dir, name + ".png")), name);
            Assert.True(File.Exists(Path.Combine(dir, name + ".svg")), name);
        }
    }
}
