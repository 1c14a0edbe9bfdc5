namespace ScaleSim.Cli.Tests;

/// <summary>Every bad input gets one line on stderr naming what is wrong, exit code 2, and nothing on stdout.</summary>
public class BadInputTests
{
    public static TheoryData<string, string[], string> Cases => new()
    {
        { "missing file", ["fit", "{dir}/nope.csv"], "nope.csv: file not found" },
        { "non-numeric", ["fit", "{bad}"], "line 3, column 'loss' (loss): 'oops' is not a number" },
        { "NaN", ["fit", "{nan}"], "value is NaN" },
        { "zero", ["fit", "{zero}"], "value 0 must be positive" },
        { "too few rows", ["fit", "{few}", "--bootstrap", "0"], "3 rows, but law chinchilla has 5 parameters" },
        { "unmapped column", ["fit", "{runs}", "--loss", "nope"], "no column 'nope' (given by --loss)" },
        { "unknown law", ["fit", "{runs}", "--law", "gompertz"], "--law 'gompertz' is not fittable" },
        { "negative bootstrap", ["fit", "{runs}", "--loss", "loss_c4", "--bootstrap", "-1"], "--bootstrap must be non-negative" },
        { "bad number", ["plan", "--flops", "lots"], "--flops: 'lots' is not a number" },
        { "zero budget", ["plan", "--flops", "0"], "--flops must be a positive finite number" },
        { "negative budget", ["plan", "--flops", "-1e20"], "--flops must be a positive finite number" },
        { "two questions", ["plan", "--params", "1e9", "--tokens", "1e10"], "give at most one of --params, --tokens and --target-loss" },
        { "nothing asked", ["plan"], "give --flops, or one of --params, --tokens, --target-loss" },
        { "unreachable loss", ["plan", "--target-loss", "1.0"], "at or below the law's irreducible loss" },
        { "unknown plan law", ["plan", "--flops", "1e20", "--law", "nope"], "--law 'nope' is neither a published law" },
        { "one-variable law", ["plan", "--flops", "1e20", "--law", "kaplan-n"], "planning needs a law of both N and D" },
        { "unknown option", ["plan", "--flopz", "1e20"], "--flopz" },
        { "unknown model", ["compare", "--models", "gopher,hal9000"], "unknown model 'hal9000'" },
        { "bad custom model", ["compare", "--model", "mine:1e9"], "expected NAME:N:D" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void FailsWithOneLineAndExitCode2(string name, string[] args, string expected)
    {
        using var csv = new SyntheticCsv();
        var files = new Dictionary<string, string>
        {
            ["{dir}"] = csv.Directory,
            ["{runs}"] = csv.Path,
            ["{bad}"] = csv.Write("bad.csv", "N,D,loss\n1e8,2e9,3\n2e8,2e9,oops\n"),
            ["{nan}"] = csv.Write("nan.csv", "N,D,loss\n1e8,2e9,nan\n"),
            ["{zero}"] = csv.Write("zero.csv", "N,D,loss\n0,2e9,3\n"),
            ["{few}"] = csv.Write("few.csv", "N,D,loss\n1e8,2e9,3\n2e8,2e9,2.9\n3e8,2e9,2.8\n"),
        };
        var resolved = args.Select(a => files.Aggregate(a, (s, f) => s.Replace(f.Key, f.Value))).ToArray();
        var result = CliRunner.Run(resolved);
        Assert.True(result.ExitCode == 2, $"{name}: exit code {result.ExitCode}, stderr: {result.Error}");
        Assert.Contains(expected, result.Error);
        Assert.Single(result.Error.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("scalesim: error: ", result.Error);
        Assert.Equal("", result.Out);
    }
}
