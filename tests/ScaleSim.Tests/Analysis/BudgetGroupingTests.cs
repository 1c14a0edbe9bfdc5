using System.Globalization;
using System.Text;
using ScaleSim.Analysis;
using ScaleSim.Runs;

namespace ScaleSim.Tests.Analysis;

/// <summary>IsoFLOP budgets from a budget column, or from compute that agrees within a tolerance, never by chaining.</summary>
public class BudgetGroupingTests
{
    private static RunTable Table(string text) => RunTableLoader.FromRaw(RawTable.ParseDelimited(text, ',', "runs.csv"));

    /// <summary>26 budgets 1.2× apart (the published grid's spacing), 3–10 sizes each, every run's C exactly its budget or jittered.</summary>
    private static (List<double> Flops, List<int> Budget) FineGrid(double jitter, int seed)
    {
        var random = new Random(seed);
        var flops = new List<double>();
        var budget = new List<int>();
        for (int k = 0; k < 26; k++)
            for (int j = 0; j < 3 + k % 8; j++)
            {
                flops.Add(1e18 * Math.Pow(1.2, k) * (1 + jitter * (2 * random.NextDouble() - 1)));
                budget.Add(k);
            }
        return (flops, budget);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.02)]
    public void ABudgetGridOneAndAFifthApartIsNotMergedIntoOneBudget(double jitter)
    {
        var (flops, budget) = FineGrid(jitter, seed: 7);
        var groups = IsoFlopGroup.WithinTolerance(flops, BudgetGrouping.DefaultTolerance);
        Assert.Equal(26, groups.Count);
        Assert.All(groups, g => Assert.Single(g.Rows.Select(r => budget[r]).Distinct()));
        Assert.Equal(flops.Count, groups.Sum(g => g.Rows.Count));
    }

    [Fact]
    public void GroupsNeverChainNeighboursBeyondTheTolerance()
    {
        // A ramp of compute 2% apart over a factor of 3: chaining by gaps would make it one budget.
        var flops = Enumerable.Range(0, 56).Select(i => 1e19 * Math.Pow(1.02, i)).ToArray();
        var groups = IsoFlopGroup.WithinTolerance(flops, 0.05);
        Assert.True(groups.Count >= 5, $"{groups.Count} groups");
        foreach (var g in groups)
            Assert.All(g.Rows, r => Assert.InRange(flops[r] / g.Flops, 1 / 1.05 - 1e-12, 1.05 + 1e-12));
    }

    [Fact]
    public void ARunFarFromEveryBudgetFitsNone()
    {
        double[] flops = [1e18, 1.01e18, 0.99e18, 3e18, 3.02e18, 9e18];
        var groups = IsoFlopGroup.WithinTolerance(flops, 0.05);
        Assert.Equal([[0, 1, 2], [3, 4]], groups.Select(g => g.Rows.ToArray()));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void TheToleranceIsAFraction(double tolerance)
    {
        var error = Assert.Throws<InputException>(() => IsoFlopGroup.WithinTolerance([1e18, 1e18], tolerance));
        Assert.Equal(["budget_tolerance"], error.Parameters);
    }

    private const string WithBudgetColumn = """
        N,D,loss,C_budget
        1e5,1e8,2.0,6e13
        2e5,5e7,1.9,6e13
        4e5,2.5e7,2.1,6e13
        1e5,3e8,1.8,
        """;

    [Fact]
    public void AnyOfTheBudgetColumnsNamesIsUsedAndRunsWithoutABudgetFitNone()
    {
        var runs = Table(WithBudgetColumn);
        var annotations = RunAnnotations.FromColumns(runs);
        Assert.Equal("C_budget", annotations.BudgetColumn);
        var input = ScalingAnalysisInput.Prepare(runs, annotations);
        Assert.Equal("C_budget", input.BudgetColumn);
        Assert.Equal([0, 1, 2], Assert.Single(input.Groups!).Rows);
    }

    [Fact]
    public void ANamedBudgetColumnMustExistAndHoldPositiveNumbers()
    {
        var runs = Table(WithBudgetColumn.Replace("C_budget", "grid"));
        Assert.Null(RunAnnotations.FromColumns(runs).Budget);
        Assert.Equal("grid", RunAnnotations.FromColumns(runs, "grid").BudgetColumn);
        var missing = Assert.Throws<InputException>(() => RunAnnotations.FromColumns(runs, "budget"));
        Assert.StartsWith("runs.csv: no column 'budget' (given by budget_column)", missing.Message);
        Assert.Equal(["budget_column"], missing.Parameters);
        var bad = Assert.Throws<InputException>(() => RunAnnotations.FromColumns(Table(WithBudgetColumn.Replace("2.1,6e13", "2.1,big"))));
        Assert.Equal("runs.csv line 4, column 'C_budget' (IsoFLOP budget): 'big' is not a positive number of FLOPs", bad.Message);
    }

    [Fact]
    public void TheAnalysisSaysHowManyBudgetsItFoundAndWhichRunsFitNone()
    {
        // Three budgets of five sizes from a known law, one of them 4% off its budget, plus a lone run between budgets.
        var text = new StringBuilder("N,D,loss\n");
        foreach (double c in new[] { 1e19, 1e20, 1e21 })
            for (int k = 0; k < 5; k++)
            {
                double n = Math.Sqrt(c / 120) * Math.Pow(4, (k - 2) / 2.0), d = c / (6 * n) * (k == 1 ? 1.04 : 1);
                text.Append(CultureInfo.InvariantCulture, $"{n:R},{d:R},{1.8 + 480 / Math.Pow(n, 0.35) + 2100 / Math.Pow(d, 0.37):R}\n");
            }
        text.Append("3e8,1.5e10,2.9\n");
        var runs = Table(text.ToString());
        var result = ScalingAnalysis.Run(runs, options: new AnalysisOptions { Resamples = 0 });
        var grouping = Assert.IsType<BudgetGrouping>(result.Grouping);
        Assert.Null(grouping.Column);
        Assert.Equal(3, grouping.Budgets);
        Assert.Equal(3, grouping.Profiles);
        Assert.Equal([15], grouping.UnassignedRows);
        Assert.Equal("compute within 5% of a common budget", grouping.Rule);
    }
}
