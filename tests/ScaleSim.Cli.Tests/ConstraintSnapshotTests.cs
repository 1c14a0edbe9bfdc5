using Snapshooter.Xunit;

namespace ScaleSim.Cli.Tests;

/// <summary>The constrained planning modes, predict and explain, pinned by snapshots.</summary>
public class ConstraintSnapshotTests
{
    [Fact]
    public void PlanWithUniqueTokensJson()
    {
        var result = CliRunner.Run("plan", "--flops", "9.26e21", "--unique-tokens", "25e9", "--json");
        Assert.Equal(0, result.ExitCode);
        // Four digits: the optimum is found numerically and the loss is flat near it.
        Snapshot.Match(CliRunner.RoundedJson(result.Out, digits: 4));
    }

    [Fact]
    public void PlanWithUniqueTokensTable()
    {
        var result = CliRunner.Run("plan", "--flops", "1e24", "--unique-tokens", "1e11");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("past R_D*", result.Error);
        Snapshot.Match(result.Out);
    }

    [Fact]
    public void PlanWithInferenceTokensJson()
    {
        var result = CliRunner.Run("plan", "--target-loss", "2.0", "--inference-tokens", "2e13", "--law", "hoffmann", "--json");
        Assert.Equal(0, result.ExitCode);
        Snapshot.Match(CliRunner.RoundedJson(result.Out, digits: 4));
    }

    [Fact]
    public void PlanWithInferenceTokensForATotalBudgetTable()
    {
        var result = CliRunner.Run("plan", "--flops", "1e24", "--inference-tokens", "5e12");
        Assert.Equal(0, result.ExitCode);
        Snapshot.Match(result.Out);
    }

    [Fact]
    public void PlanOverheadTable()
    {
        var result = CliRunner.Run("plan", "--flops", "1e23", "--overhead", "--law", "hoffmann");
        Assert.Equal(0, result.ExitCode);
        Snapshot.Match(result.Out);
    }

    [Fact]
    public void ExplainKaplanVsChinchillaTable()
    {
        var result = CliRunner.Run("explain", "kaplan-vs-chinchilla");
        Assert.Equal(0, result.ExitCode);
        Snapshot.Match(result.Out);
    }

    [Fact]
    public void ExplainKaplanVsChinchillaJson()
    {
        var result = CliRunner.Run("explain", "kaplan-vs-chinchilla", "--law", "hoffmann", "--json");
        Assert.Equal(0, result.ExitCode);
        Snapshot.Match(CliRunner.RoundedJson(result.Out, digits: 4));
    }

    [Fact]
    public void PredictTable()
    {
        var result = CliRunner.Run("predict", "--law", "epoch", "--params", "70e9", "--tokens", "1.4e12");
        Assert.Equal(0, result.ExitCode);
        Snapshot.Match(result.Out);
    }
}
