using ScaleSim.Runs;

namespace ScaleSim.Tests.Runs;

/// <summary>Rows with the same N and D whose losses differ by more than seeds do are reported as a table mixing experiments.</summary>
public class ConflictingRunsTests
{
    private static RunTable Table(string text) => RunTableLoader.FromRaw(RawTable.ParseDelimited(text, ',', "runs.csv"));

    [Fact]
    public void TheSameConfigurationWithFarApartLossesIsNamedByItsLines()
    {
        var runs = Table("N,D,loss\n1e8,2e9,0.92\n2e8,1e9,0.95\n1e8,2e9,2.51\n2e8,1e9,0.951\n");
        Assert.Equal(["runs.csv lines 2 and 4: same N and D, loss 0.92 and 2.51: does the table mix experiments?"], runs.Warnings);
    }

    [Fact]
    public void SeedsOfOneConfigurationAreNotAConflict()
    {
        var runs = Table("N,D,loss,seed\n1e8,2e9,2.50,0\n1e8,2e9,2.53,1\n1e8,2e9,2.48,2\n");
        Assert.Empty(runs.Warnings);
    }

    [Fact]
    public void SeedsFarApartAreNamedAsSeedsNotAsAMixedTable()
    {
        var runs = Table("N,D,loss,seed\n1e8,2e9,1.47,0\n1e8,2e9,1.33,1\n1e8,2e9,1.35,2\n");
        Assert.Equal(["runs.csv lines 2 and 3: seeds 0 and 1 of the same N and D, loss 1.47 and 1.33: seeds usually differ by about 1%, so one of them may have stalled or diverged"], runs.Warnings);
    }

    [Fact]
    public void SeedsAreComparedAsTheAnalysisReadsThem()
    {
        // 0 and 0.0 are one seed (RunAnnotations), so these rows are one configuration twice, not two seeds.
        var runs = Table("N,D,loss,seed\n1e8,2e9,1.47,0\n1e8,2e9,1.33,0.0\n");
        Assert.Equal(["runs.csv lines 2 and 3: same N and D, loss 1.47 and 1.33: does the table mix experiments?"], runs.Warnings);
    }

    [Fact]
    public void ManyConflictsAreNamedFiveAtATimeAndCounted()
    {
        var text = new System.Text.StringBuilder("N,D,loss\n");
        for (int i = 0; i < 8; i++) text.Append(FormattableString.Invariant($"{1e8 * (i + 1)},{2e9},{2.0}\n"));
        for (int i = 0; i < 8; i++) text.Append(FormattableString.Invariant($"{1e8 * (i + 1)},{2e9},{Math.Exp(2.0):R}\n"));
        var warnings = Table(text.ToString()).Warnings;
        Assert.Equal(6, warnings.Count);
        Assert.StartsWith("runs.csv lines 2 and 10: same N and D", warnings[0]);
        Assert.Equal("runs.csv: 3 more pairs of rows with the same N and D and losses more than 10% apart", warnings[5]);
    }
}
