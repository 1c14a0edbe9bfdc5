using ScaleSim.Analysis;
using ScaleSim.Flops;
using ScaleSim.Runs;
using ScaleSim.Training.Sweeps;
using ScaleSim.Training.Tests.Runs;

namespace ScaleSim.Training.Tests.Sweeps;

/// <summary>The sweep's store read back: typed rows equal to what was written, and the analysis input the tables imply.</summary>
public class SweepResultsTests
{
    [Fact]
    public void TheStoreReadsBackAsTheRecordsItWasWrittenFrom()
    {
        using var dir = new TemporaryDirectory();
        var plan = SweepPlanner.Plan(TinyExperiment.Definition());
        SweepRunner.Run(plan, dir.Path, parallelRuns: 2);

        var results = SweepResults.Load(dir.Path);
        var expected = plan.Runs.Select(r => SweepTables.Record(r, SweepRunner.CompletedSummary(Path.Combine(dir.Path, r.Id))!, plan.Experiment.FlopModel.Name)).ToList();
        Assert.Equal(expected, results.Runs);
        Assert.All(results.Runs, r => Assert.Equal(RunRole.IsoFlop, r.Role));
        Assert.NotNull(results.Curves);
        Assert.Equal(plan.Runs.Select(r => r.Id), results.Curves!.Select(p => p.Run).Distinct());
        Assert.Null(results.TasksPath);

        foreach (var convention in ParameterConventions.All)
        {
            var input = results.ForScalingAnalysis(convention);
            // The same table as reading runs.csv by its columns, with C = 6ND from the chosen N.
            var direct = RunTableLoader.Load(Path.Combine(dir.Path, SweepResults.RunsFile),
                new RunColumns(SweepColumns.ParamsOf(convention), SweepColumns.Tokens, Loss: SweepColumns.Loss, DeriveFlops: true));
            Assert.Equal(direct.Params, input.Runs.Params);
            Assert.Equal(direct.Flops, input.Runs.Flops);
            Assert.Equal(direct.Loss, input.Runs.Loss);
            Assert.Equal(results.Runs.Select(r => (double)(convention == ParameterConvention.Total ? r.Params : r.NonEmbeddingParams)), input.Runs.Params!);
            // Grouped by the budget column: one group per budget, every run in one.
            Assert.Equal(TinyExperiment.Definition().Budgets.Length, input.Groups!.Count);
            Assert.Equal(results.Runs.Count, input.Groups.Sum(g => g.Rows.Count));
            Assert.Equal(results.Runs.Count, input.Curves!.Count);
            Assert.All(input.Curves, c => Assert.True(c.Flops.Zip(c.Flops.Skip(1)).All(p => p.First <= p.Second)));
            Assert.NotNull(input.EntropyFloor);
        }
    }

    [Fact]
    public void ABadCellIsNamedByFileLineAndColumn()
    {
        using var dir = new TemporaryDirectory();
        File.WriteAllText(dir.Combine(SweepResults.RunsFile), string.Join(',', SweepColumns.RunsTable) + "\n" +
            "r1,isoflop,1e9,0,1,8,1,16,4,100,1000,500,4000,2.4e7,2.4e7,1.2e7,2.5e7,2.1,2.2,1.0,0.98\n" +
            "r2,sideways,1e9,0,1,8,1,16,4,100,1000,500,4000,2.4e7,2.4e7,1.2e7,2.5e7,2.1,2.2,1.0,0.98\n");
        var error = Assert.Throws<InputException>(() => SweepResults.Load(dir.Path));
        Assert.Contains("runs.csv line 3, column 'role': 'sideways' is not a role", error.Message);
        Assert.Contains("no runs.csv", Assert.Throws<InputException>(() => SweepResults.Load(dir.Combine("empty"))).Message);
    }
}
