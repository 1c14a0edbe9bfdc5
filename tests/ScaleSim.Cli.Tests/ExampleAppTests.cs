using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ScaleSim.Cli.Tests;

/// <summary>The README's third way in: examples/fit-and-plan.cs, a .NET 10 file-based app over the library project, runs.</summary>
public partial class ExampleAppTests
{
    [Fact]
    public async Task FitAndPlanExampleReproducesEpochsRefit()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryFiles.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { "run", "-c", "Release", "examples/fit-and-plan.cs" }) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        string stdout = await process.StandardOutput.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"exit code {process.ExitCode}: {stdout}\n{await stderr}");

        // Epoch AI's refit of the same 240 points (Besiroglu et al. 2024): E = 1.8172, alpha = 0.3478, beta = 0.3658.
        var fit = Fitted().Match(stdout);
        Assert.True(fit.Success, stdout);
        Assert.Equal(240, int.Parse(fit.Groups["n"].Value, CultureInfo.InvariantCulture));
        Assert.Equal(1.8172, Number(fit, "E"), 3);
        Assert.Equal(0.3478, Number(fit, "alpha"), 2);
        Assert.Equal(0.3658, Number(fit, "beta"), 2);
        Assert.Matches(@"at 5\.76e\+23 FLOPs: N = \S+ parameters, D = \S+ tokens \(\S+ per parameter\), loss 1\.9\d+", stdout);
    }

    private static double Number(Match match, string group) => double.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"fitted to (?<n>\d+) runs: E = (?<E>[\d.]+), A = [\d.]+, B = [\d.]+, alpha = (?<alpha>[\d.]+), beta = (?<beta>[\d.]+)")]
    private static partial Regex Fitted();
}
