using Snapshooter.Xunit;

namespace ScaleSim.Cli.Tests;

/// <summary>The CLI's JSON and tables, pinned by snapshots (tests/…/__snapshots__).</summary>
public class SnapshotTests
{
    [Fact]
    public void PlanJson()
    {
        var result = CliRunner.Run("plan", "--flops", "5.76e23", "--law", "epoch", "--json");
        Assert.Equal(0, result.ExitCode);
        Snapshot.Match(CliRunner.RoundedJson(result.Out));
    }

    [Fact]
    public void PlanTableUnderKaplanShowsBothAllocations()
    {
        var result = CliRunner.Run("plan", "--flops", "1e21", "--law", "kaplan");
        Assert.Equal(0, result.ExitCode);
        Snapshot.Match(result.Out);
    }

    [Fact]
    public void PlanForAFixedModelSize()
    {
        var result = CliRunner.Run("plan", "--params", "7e9", "--law", "hoffmann", "--json");
        Assert.Equal(0, result.ExitCode);
        Snapshot.Match(CliRunner.RoundedJson(result.Out));
    }

    [Fact]
    public void CompareJson()
    {
        var result = CliRunner.Run("compare", "--json");
        Assert.Equal(0, result.ExitCode);
        Snapshot.Match(CliRunner.RoundedJson(result.Out));
    }

    [Fact]
    public void CompareTable()
    {
        var result = CliRunner.Run("compare", "--models", "gopher,chinchilla,gpt3", "--laws", "epoch,hoffmann");
        Assert.Equal(0, result.ExitCode);
        Snapshot.Match(result.Out);
    }

    [Fact]
    public void FitJsonWithBootstrap()
    {
        using var csv = new SyntheticCsv();
        var result = CliRunner.Run("fit", csv.Path, "--loss", "loss_c4", "--bootstrap", "50", "--json");
        Assert.Equal(0, result.ExitCode);
        Snapshot.Match(CliRunner.RoundedJson(result.Out, digits: 4));
    }

    [Fact]
    public void FitTable()
    {
        using var csv = new SyntheticCsv();
        var result = CliRunner.Run("fit", csv.Path, "--loss", "loss_c4", "--law", "kaplan-nd", "--bootstrap", "0");
        Assert.Equal(0, result.ExitCode);
        Snapshot.Match(result.Out.Replace(csv.Path, "runs.csv"));
    }
}
