using ScaleSim.Laws;
using ScaleSim.Runs;

namespace ScaleSim.Tests.Runs;

public class ColumnUnitTests
{
    [Theory]
    [InlineData("Params (B)", "Params", "B", 1e9, false)]
    [InlineData("Tokens [T]", "Tokens", "T", 1e12, false)]
    [InlineData("Model size (M)", "Model size", "M", 1e6, false)]
    [InlineData("tokens (billions)", "tokens", "billions", 1e9, false)]
    [InlineData("Compute (PF-days)", "Compute", "PF-days", PublishedLaws.FlopsPerPetaflopDay, true)]
    [InlineData("C (PFLOP/s-days)", "C", "PFLOP/s-days", PublishedLaws.FlopsPerPetaflopDay, true)]
    [InlineData("Training compute (FLOPs)", "Training compute", "FLOPs", 1, true)]
    public void ReadsAUnitInBracketsAtTheEnd(string header, string name, string unit, double factor, bool compute)
    {
        var parsed = ColumnUnit.Parse(header);
        Assert.Equal(name, parsed.Name);
        Assert.Equal(unit, parsed.Unit);
        Assert.Equal(factor, parsed.Factor);
        Assert.Equal(compute, parsed.IsCompute);
    }

    [Theory]
    [InlineData("Params (non-embedding)")]
    [InlineData("(B)")]
    [InlineData("params_B")]
    [InlineData("Params (B) total")]
    [InlineData("loss")]
    public void AnythingElseIsNoUnit(string header)
    {
        var parsed = ColumnUnit.Parse(header);
        Assert.Null(parsed.Unit);
        Assert.Equal(header, parsed.Name);
        Assert.Equal(1, parsed.Factor);
    }

    // One PF-day is 10¹⁵ FLOP/s for 86 400 s (Kaplan et al. 2020, §1.3's unit).
    [Fact]
    public void APetaflopDayIsTenToTheFifteenFlopsForADay() => Assert.Equal(1e15 * 86400, PublishedLaws.FlopsPerPetaflopDay);
}
