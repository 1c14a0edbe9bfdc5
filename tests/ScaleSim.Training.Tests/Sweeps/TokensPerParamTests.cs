using ScaleSim.Training.Sweeps;

namespace ScaleSim.Training.Tests.Sweeps;

/// <summary>A size sweep at a fixed number of tokens per parameter: every run's tokens are that many times its N.</summary>
public class TokensPerParamTests
{
    [Fact]
    public void EveryRunTrainsOnTheSameNumberOfTokensPerParameter()
    {
        var plan = SweepPlanner.Plan(ExperimentDefinition.Parse("""
            { "name": "x", "data": "tasks:memo=100,bits=4", "widths": [8, 16, 32, 64], "tokens_per_param": 50, "seeds": [0, 1] }
            """, "x"));
        Assert.Equal(8, plan.Runs.Count);
        foreach (var run in plan.Runs)
        {
            // Tokens are rounded to whole batches of sequences, so the ratio is 50 within one batch.
            double perParam = (double)run.Tokens / run.Model.Parameters;
            Assert.InRange(perParam, 50 - (double)run.Batch * run.Model.Context / run.Model.Parameters - 1e-9, 50 + (double)run.Batch * run.Model.Context / run.Model.Parameters + 1e-9);
        }
        // Eight times the width, about 30 times the parameters and the tokens: the family grows tokens with N.
        var smallest = plan.Runs.MinBy(r => r.Model.DModel)!;
        var largest = plan.Runs.MaxBy(r => r.Model.DModel)!;
        Assert.True(largest.Tokens > 20 * smallest.Tokens, $"{largest.Tokens} against {smallest.Tokens}");
    }

    [Theory]
    [InlineData("""{"name":"x","widths":[8,16,24],"tokens_per_param":20,"tokens_per_run":1e5}""", "tokens_per_run or tokens_per_param, not both")]
    [InlineData("""{"name":"x","widths":[8,16,24],"tokens_per_param":-1}""", "tokens_per_param must be a positive number")]
    [InlineData("""{"name":"x","budgets":[1e9],"tokens_per_param":20}""", "tokens_per_param belongs to a size sweep")]
    public void BadTokensPerParamNamesTheField(string json, string message)
    {
        var e = Assert.Throws<InputException>(() => SweepPlanner.Plan(ExperimentDefinition.Parse(json, "x")));
        Assert.Contains(message, e.Message);
    }
}
