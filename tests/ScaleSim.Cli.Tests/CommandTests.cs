using System.Text.Json.Nodes;

namespace ScaleSim.Cli.Tests;

public class CommandTests
{
    [Fact]
    public void JsonOutputIsTheOnlyThingOnStdout()
    {
        var result = CliRunner.Run("plan", "--flops", "1e22", "--json");
        var json = JsonNode.Parse(result.Out)!.AsObject();
        foreach (var field in new[] { "flops", "params", "tokens", "loss", "tokens_per_param" })
            Assert.True(json.ContainsKey(field), field);
    }

    [Fact]
    public void AFittedLawIsAFileThePlannerReads()
    {
        using var csv = new SyntheticCsv();
        string law = Path.Combine(csv.Directory, "law.json");
        var fit = CliRunner.Run("fit", csv.Path, "--loss", "loss_c4", "--bootstrap", "20", "--out", law, "--json");
        Assert.Equal(0, fit.ExitCode);
        var fitted = JsonNode.Parse(fit.Out)!.AsObject();
        foreach (var field in new[] { "law", "points", "objective", "converged", "E", "A", "B", "alpha", "beta", "a", "b", "ci95" })
            Assert.True(fitted.ContainsKey(field), field);
        Assert.Equal(2, fitted["ci95"]!["alpha"]!.AsArray().Count);

        var plan = CliRunner.Run("plan", "--flops", "1e21", "--law", law, "--json");
        Assert.Equal(0, plan.ExitCode);
        double a = fitted["a"]!.GetValue<double>();
        var small = JsonNode.Parse(CliRunner.Run("plan", "--flops", "1e20", "--law", law, "--json").Out)!;
        double slope = Math.Log10(JsonNode.Parse(plan.Out)!["params"]!.GetValue<double>() / small["params"]!.GetValue<double>());
        Assert.Equal(a, slope, 6);
    }

    [Fact]
    public void KaplanComputeLawIsFittedOnTheEnvelope()
    {
        using var csv = new SyntheticCsv();
        var result = CliRunner.Run("fit", csv.Path, "--loss", "loss_c4", "--law", "kaplan-c", "--bootstrap", "0", "--json");
        Assert.Equal(0, result.ExitCode);
        var json = JsonNode.Parse(result.Out)!;
        Assert.True(json["points"]!.GetValue<int>() < 24);
        Assert.Equal("kaplan-c", json["law"]!.GetValue<string>());
    }

    [Fact]
    public void HelpListsTheCommands()
    {
        var result = CliRunner.Run("--help");
        Assert.Equal(0, result.ExitCode);
        foreach (var command in new[] { "fit", "plan", "compare", "tasks", "bench" })
            Assert.Contains(command, result.Out);
    }

    [Fact]
    public void ASignedNumberThatRoundsToZeroHasNoStraySign()
    {
        // A near-exact fit whose mean residual is about -1e-6: .NET's "+0.0000;-0.0000" wrote it "-+0.0000".
        const string runs = "Parameters,Tokens,Loss\n1e8,2e9,3.1\n2e8,4e9,2.9\n4e8,8e9,2.75\n8e8,1.6e10,2.62\n1.6e9,3.2e10,2.52\n3.2e9,6.4e10,2.44\n1e8,8e9,2.95\n4e8,2e9,2.9\n1.6e9,8e9,2.6\n";
        var fit = CliRunner.RunWithInput(runs, "fit", "-", "--bootstrap", "0");
        Assert.Equal(0, fit.ExitCode);
        Assert.Contains("mean 0.0000,", fit.Out);
        Assert.DoesNotContain("-+", fit.Out);
    }
}
