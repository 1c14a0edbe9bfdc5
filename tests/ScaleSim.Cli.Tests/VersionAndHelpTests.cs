using System.Xml.Linq;

namespace ScaleSim.Cli.Tests;

/// <summary>The version comes from one place, and the README shows the program's own help.</summary>
public class VersionAndHelpTests
{
    [Fact]
    public void VersionIsTheOneDirectoryBuildPropsSets()
    {
        string props = XDocument.Parse(RepositoryFiles.Read("Directory.Build.props")).Descendants("Version").Single().Value;
        var result = CliRunner.Run("--version");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(props, result.Out.Trim());
        Assert.Equal(props, ScaleSimVersion.Current);
        Assert.NotEqual("1.0.0", props);
    }

    [Fact]
    public void ReadmeHelpBlockIsWhatTheProgramPrints()
    {
        var readme = RepositoryFiles.Read("README.md").Replace("\r\n", "\n");
        const string prompt = "```\n$ scalesim --help\n";
        int start = readme.IndexOf(prompt, StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md has no ``` block starting with '$ scalesim --help'");
        start += prompt.Length;
        int end = readme.IndexOf("```\n", start, StringComparison.Ordinal);
        string pasted = readme[start..end];

        var result = CliRunner.Run("--help");
        Assert.Equal(0, result.ExitCode);
        // The usage line names the executable: scalesim when installed or run from a clone, the test host here.
        string printed = result.Out.Replace($"  {System.CommandLine.RootCommand.ExecutableName} [", "  scalesim [");
        Assert.Equal(printed.TrimEnd('\n'), pasted.TrimEnd('\n'));
        foreach (var command in new[] { "simulate", "replicate", "fit", "analyze", "plan", "compare", "predict", "explain", "train", "sweep", "tasks", "bench" })
            Assert.Contains($"\n  {command}", pasted);
    }
}
