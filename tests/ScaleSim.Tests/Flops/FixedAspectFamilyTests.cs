using ScaleSim.Flops;

namespace ScaleSim.Tests.Flops;

public class FixedAspectFamilyTests
{
    [Fact]
    public void ConvertsBothWays()
    {
        var family = FixedAspectFamily.PearceSong;
        Assert.InRange(family.Omega, 47400, 47600);   // Pearce & Song quote 47,491
        foreach (double n in new[] { 768.0, 1e6, 1.5e9, 7e10 })
            Assert.Equal(n, family.NonEmbeddingFromTotal(family.TotalFromNonEmbedding(n)), n * 1e-10);
        // The embedding share shrinks with size: about 6% of a 1.5B-parameter model's non-embedding count.
        double total = family.TotalFromNonEmbedding(1.5e9);
        Assert.InRange(total / 1.5e9, 1.03, 1.1);
        Assert.Equal(total, family.Convert(1.5e9, ParameterConvention.NonEmbedding, ParameterConvention.Total));
    }

    [Theory]
    [InlineData("total", ParameterConvention.Total)]
    [InlineData("non-embedding", ParameterConvention.NonEmbedding)]
    public void ConventionsParseAndName(string text, ParameterConvention expected)
    {
        Assert.Equal(expected, ParameterConventions.Parse(text));
        Assert.Equal(text, expected.Name());
        var error = Assert.Throws<InputException>(() => ParameterConventions.Parse("embedding"));
        Assert.Contains("params_convention 'embedding'", error.Message);
        Assert.Equal(["params_convention"], error.Parameters);
    }
}
