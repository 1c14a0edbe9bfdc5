using ScaleSim.Analysis;
using ScaleSim.Runs;

namespace ScaleSim.Tests.Analysis;

/// <summary>The rules every runs table goes through before the analysis: min steps, budgets, curves of kept runs, the floor.</summary>
public class ScalingAnalysisInputTests
{
    private static RunTable Table(string text) => RunTableLoader.FromRaw(RawTable.ParseDelimited(text, ',', "runs.csv"));

    private const string Runs = """
        run,N,D,loss,budget,steps,entropy_floor
        a,1e5,1e8,2.0,6e13,1000,1.000
        b,2e5,5e7,1.9,6e13,2000,1.001
        c,4e5,2.5e7,2.1,6e13,3000,1.002
        d,1e5,3e8,1.8,,4000,1.003
        """;

    [Fact]
    public void StepStarvedRunsAreLeftOutAndSaidSo()
    {
        var runs = Table(Runs);
        var input = ScalingAnalysisInput.Prepare(runs, RunAnnotations.FromColumns(runs), minSteps: 1500);
        Assert.Equal([2e5, 4e5, 1e5], input.Runs.Params!);
        Assert.Equal(["1 run(s) with fewer than 1500 optimizer steps left out"], input.Notes);
    }

    [Fact]
    public void RunsAreGroupedByTheirBudgetAndRunsWithoutOneAreInNoGroup()
    {
        var runs = Table(Runs);
        var input = ScalingAnalysisInput.Prepare(runs, RunAnnotations.FromColumns(runs));
        var group = Assert.Single(input.Groups!);
        Assert.Equal([0, 1, 2], group.Rows);
        Assert.Empty(input.Notes);
    }

    [Fact]
    public void CurvesOfLeftOutRunsAreDropped()
    {
        var runs = Table(Runs);
        var curves = new[] { "a", "b", "z" }.Select(n => TrainingCurve.FromPoints(n, [(1e5, 1e7, null, 3.0), (1e5, 1e8, null, 2.0)])).ToList();
        var input = ScalingAnalysisInput.Prepare(runs, RunAnnotations.FromColumns(runs), curves, minSteps: 1500);
        Assert.Equal(["b"], input.Curves!.Select(c => c.Run));
        Assert.Equal([6e12, 6e13], input.Curves![0].Flops);
    }

    [Fact]
    public void TheFloorIsTheMeanWhenTheRunsAgreeAndUnknownWhenTheyDoNot()
    {
        var runs = Table(Runs);
        Assert.Equal(1.0015, ScalingAnalysisInput.Prepare(runs, RunAnnotations.FromColumns(runs)).EntropyFloor!.Value, 12);
        var mixed = Table(Runs.Replace("1.003", "1.5"));
        Assert.Null(ScalingAnalysisInput.Prepare(mixed, RunAnnotations.FromColumns(mixed)).EntropyFloor);
    }

    [Fact]
    public void MinStepsNeedsAStepsColumn()
    {
        var runs = Table("N,D,loss\n1e5,1e8,2\n2e5,1e8,1.9\n");
        var error = Assert.Throws<InputException>(() => ScalingAnalysisInput.Prepare(runs, RunAnnotations.FromColumns(runs), minSteps: 10));
        Assert.Equal("runs.csv: min_steps needs a steps column", error.Message);
        Assert.Equal(["min_steps"], error.Parameters);
    }
}
