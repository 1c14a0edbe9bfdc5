using ScaleSim.Fitting;
using ScaleSim.Runs;

namespace ScaleSim.Tests.Runs;

public class UniqueTokensColumnTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("runs-u-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string content)
    {
        string path = Path.Combine(_dir, "runs.csv");
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void UniqueTokensAreReadByTheirUsualNamesAndReachTheFitData()
    {
        var runs = RunTableLoader.Load(Write("N,D,unique_tokens,loss\n1e8,2e9,1e9,3.1\n2e8,4e9,4e9,2.9\n"));
        Assert.Equal([1e9, 4e9], runs.UniqueTokens!);
        Assert.Equal([1e9, 4e9], FitData.FromRuns(runs).UniqueTokens);
        Assert.Equal([4e9], runs.Select([1]).UniqueTokens!);
        Assert.Null(RunTableLoader.Load(Write("N,D,loss\n1e8,2e9,3.1\n")).UniqueTokens);
    }

    [Fact]
    public void ZeroUniqueTokensAreRefusedWithTheLineAndColumn()
    {
        var error = Assert.Throws<InputException>(() => RunTableLoader.Load(Write("N,D,U,loss\n1e8,2e9,0,3.1\n")));
        Assert.Contains("line 2, column 'U' (unique tokens U)", error.Message);
        Assert.Contains("must be positive", error.Message);
    }
}
