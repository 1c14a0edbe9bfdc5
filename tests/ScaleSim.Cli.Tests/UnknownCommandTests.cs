namespace ScaleSim.Cli.Tests;

/// <summary>A misspelt or missing command is named, with the commands that exist, in one line with exit code 2.</summary>
public class UnknownCommandTests
{
    [Theory]
    [InlineData(new[] { "sweep", "submitt" }, "unknown command 'submitt' for 'scalesim sweep' (commands: plan, run", "(see 'scalesim sweep --help')")]
    [InlineData(new[] { "fitt", "runs.csv" }, "unknown command 'fitt' for 'scalesim' (commands: simulate, replicate, fit, analyze, plan", "(see 'scalesim --help')")]
    [InlineData(new[] { "tasks", "fitt" }, "unknown command 'fitt' for 'scalesim tasks' (commands: fit, artifact, predict, published, synthetic", "(see 'scalesim tasks --help')")]
    [InlineData(new[] { "bench", "fitt" }, "unknown command 'fitt' for 'scalesim bench' (commands: fit, train", "(see 'scalesim bench --help')")]
    [InlineData(new[] { "tasks" }, "'scalesim tasks' needs a command (commands: fit, artifact, predict, published, synthetic", "(see 'scalesim tasks --help')")]
    [InlineData(new[] { "sweep", "--bogus" }, "unknown option '--bogus' for 'scalesim sweep'", "(see 'scalesim sweep --help')")]
    [InlineData(new[] { "plan", "--flopz", "1e20" }, "--flopz", "(see 'scalesim plan --help')")]
    public void IsNamedInOneLine(string[] args, string expected, string hint)
    {
        var result = CliRunner.Run(args);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.StartsWith("scalesim: error: ", result.Error);
        Assert.Contains(expected, result.Error);
        Assert.EndsWith(hint + "\n", result.Error);
        Assert.Single(result.Error.TrimEnd('\n').Split('\n'));
        Assert.DoesNotContain("Required command was not provided", result.Error);
    }
}
