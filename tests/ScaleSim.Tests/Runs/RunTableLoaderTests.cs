using Microsoft.Data.Analysis;
using ScaleSim.Flops;
using ScaleSim.Runs;

namespace ScaleSim.Tests.Runs;

public class RunTableLoaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("runs-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string content)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void LoadsCsvWithUsualNamesAndDerivesCompute()
    {
        var runs = RunTableLoader.Load(Write("r.csv", "params,tokens,loss,note\n1e8,2e9,3.1,\"a, b\"\n2e8,4e9,2.9,c\n"));
        Assert.Equal([1e8, 2e8], runs.Params!);
        Assert.Equal([6 * 1e8 * 2e9, 6 * 2e8 * 4e9], runs.Flops!);
        Assert.Equal("C", runs.DerivedColumn);
        Assert.IsType<StringDataFrameColumn>(runs.Frame.Columns["note"]);
        Assert.Equal("a, b", runs.Frame.Columns["note"][0]);
        Assert.IsType<DoubleDataFrameColumn>(runs.Frame.Columns["loss"]);
    }

    [Fact]
    public void LoadsTsvAndJsonLinesWithMappedColumns()
    {
        var tsv = RunTableLoader.Load(Write("r.tsv", "n_p\td_t\tl\n1e8\t2e9\t3.1\n"), new RunColumns("n_p", "d_t", null, "l"));
        Assert.Equal(3.1, tsv.Loss[0]);
        var jsonl = RunTableLoader.Load(Write("r.jsonl", "{\"N\":1e8,\"C\":1.2e18,\"loss\":3.1,\"seed\":1}\n\n{\"N\":2e8,\"C\":4.8e18,\"loss\":\"2.9\",\"seed\":2}\n"));
        Assert.Equal([2e9, 4e9], jsonl.Tokens!.Select(d => Math.Round(d)));
        Assert.Equal("D", jsonl.DerivedColumn);
        Assert.IsType<DoubleDataFrameColumn>(jsonl.Frame.Columns["seed"]);
    }

    [Fact]
    public void DerivesWithANamedFlopModel()
    {
        var error = Assert.Throws<InputException>(() =>
            RunTableLoader.Load(Write("r.csv", "D,C,loss\n2e9,1e18,3\n"), flopModel: FlopModels.Kaplan));
        Assert.Contains("cannot derive N", error.Message);
    }

    [Theory]
    [InlineData("N,D,loss\n1e8,2e9,abc\n", "line 2, column 'loss' (loss): 'abc' is not a number")]
    [InlineData("N,D,loss\n1e8,2e9,3\n1e8,2e9,NaN\n", "line 3, column 'loss' (loss): value is NaN")]
    [InlineData("N,D,loss\n1e8,inf,3\n", "line 2, column 'D' (tokens D): value is infinite")]
    [InlineData("N,D,loss\n0,2e9,3\n", "line 2, column 'N' (parameters N): value 0 must be positive")]
    [InlineData("N,D,loss\n-5,2e9,3\n", "line 2, column 'N' (parameters N): value -5 must be positive")]
    [InlineData("N,D,loss\n1e8,,3\n", "line 2, column 'D' (tokens D): missing value")]
    [InlineData("N,D,loss\n1e8,2e9\n", "line 2: 2 fields, but the header has 3")]
    [InlineData("N,D,value\n1e8,2e9,3\n", "no loss column")]
    [InlineData("N,D,loss\n", "no data rows")]
    [InlineData("", "empty file")]
    [InlineData("N,D,loss\n1e8,\"2e9,3\n", "unterminated quoted field")]
    public void BadCellsNameFileLineAndColumn(string content, string expected)
    {
        string path = Write("bad.csv", content);
        var error = Assert.Throws<InputException>(() => RunTableLoader.Load(path));
        Assert.Contains(expected, error.Message);
        Assert.StartsWith(path, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void MissingFileAndMissingMappedColumnAreInputErrors()
    {
        Assert.Contains("file not found", Assert.Throws<InputException>(() => RunTableLoader.Load(Path.Combine(_dir, "nope.csv"))).Message);
        var error = Assert.Throws<InputException>(() => RunTableLoader.Load(Write("r.csv", "N,D,loss\n1,2,3\n"), new RunColumns(Loss: "loss_c4")));
        Assert.Contains("no column 'loss_c4' (given by loss_column)", error.Message);
    }

    [Fact]
    public void BadJsonLineIsNamed()
    {
        var error = Assert.Throws<InputException>(() => RunTableLoader.Load(Write("r.jsonl", "{\"N\":1,\"D\":2,\"loss\":3}\n{oops\n")));
        Assert.Contains("line 2: not valid JSON", error.Message);
    }

    [Fact]
    public void DuplicatedRowsAreReportedAndKept()
    {
        var runs = RunTableLoader.Load(Write("r.csv", "N,D,loss\n1e8,2e9,3\n2e8,2e9,2.8\n1e8,2e9,3\n"));
        Assert.Equal(3, runs.Count);
        Assert.Single(runs.Warnings);
        Assert.Contains("line 4 duplicates line 2", runs.Warnings[0]);
    }

    [Fact]
    public void FindsHeadersWrittenByOtherToolsButNotColumnsWithUnits()
    {
        // Spreadsheet-style headers: found by their letters and digits, whatever the case, spaces or punctuation.
        var runs = RunTableLoader.Load(Write("r.csv", "Model Size,Training Tokens,eval/loss\n1e8,2e9,3.1\n2e8,4e9,2.9\n"));
        Assert.Equal([1e8, 2e8], runs.Params!);
        Assert.Equal([2e9, 4e9], runs.Tokens!);
        Assert.Equal([3.1, 2.9], runs.Loss);
        // An exact name wins over a loose one, and two loose matches are no match.
        var exact = RunTableLoader.Load(Write("e.csv", "N,n.,D,loss\n1e8,7,2e9,3\n"));
        Assert.Equal([1e8], exact.Params!);
        var twice = RunTableLoader.Load(Write("t.csv", "model size,Model-Size,D,loss\n1e8,7,2e9,3\n"));
        Assert.Null(twice.Params);
        // A bracketed word that is not a unit keeps the header from matching a plain name, and the error lists it.
        var qualified = RunTableLoader.Load(Write("q.csv", "Params (non-embedding),D,loss\n1e8,2e9,3\n"));
        Assert.Null(qualified.Params);
        Assert.Contains("Params (non-embedding)", Assert.Throws<InputException>(() => qualified.RequireParams()).Message);
    }

    [Fact]
    public void AUnitInAHeaderScalesItsColumn()
    {
        // As papers print them: parameters in millions, tokens in billions, compute in Kaplan's PF-days.
        var runs = RunTableLoader.Load(Write("u.csv", "Model size (M),Tokens [B],loss\n125,2.5,3.1\n350,7,2.9\n"));
        Assert.Equal([125e6, 350e6], runs.Params!);
        Assert.Equal([2.5e9, 7e9], runs.Tokens!);
        Assert.Contains(runs.Warnings, w => w.Contains("'Model size (M)' read as parameters N in M (× 1e6)", StringComparison.Ordinal));
        var kaplan = RunTableLoader.Load(Write("k.csv", "N,Compute (PF-days),loss\n1e8,1,3\n"));
        Assert.Equal(8.64e19, kaplan.Flops![0], 1e6);
        Assert.Equal(8.64e19 / 6e8, kaplan.Tokens![0], 1e-3);
        // A mapped column keeps its unit too; compute units on a count are refused.
        Assert.Equal([2e9], RunTableLoader.Load(Write("m.csv", "size (B),D,loss\n2,1e10,3\n"), new RunColumns(Params: "size (B)")).Params!);
        var wrong = Assert.Throws<InputException>(() => RunTableLoader.Load(Write("w.csv", "Params (PF-days),D,loss\n1,2e9,3\n")));
        Assert.Contains("PF-days is a unit of compute", wrong.Message);
    }

    [Fact]
    public void RequiringAnAbsentColumnSaysHowToMapIt()
    {
        var runs = RunTableLoader.Load(Write("r.csv", "N,loss\n1e8,3\n"));
        Assert.Null(runs.Tokens);
        Assert.Contains("name it with tokens_column COLUMN", Assert.Throws<InputException>(() => runs.RequireTokens()).Message);
    }

    [Fact]
    public void ExcludeTopLossDropsTheWorstRows()
    {
        var runs = RunTableLoader.Load(Write("r.csv", "N,D,loss\n1,1,5\n2,2,3\n3,3,4\n4,4,2\n"));
        var kept = runs.ExcludeTopLoss(2);
        Assert.Equal([3.0, 2.0], kept.Loss);
        Assert.Equal(2, kept.Frame.Rows.Count);
        Assert.Throws<InputException>(() => runs.ExcludeTopLoss(4));
    }
}
