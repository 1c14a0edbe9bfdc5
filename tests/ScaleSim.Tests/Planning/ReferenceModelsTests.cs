using ScaleSim.Planning;

namespace ScaleSim.Tests.Planning;

public class ReferenceModelsTests
{
    [Fact]
    public void GopherAndChinchillaShareAbout5e23Flops()
    {
        Assert.InRange(ReferenceModels.Gopher.Flops, 4.9e23, 6e23);
        Assert.InRange(ReferenceModels.Chinchilla.Flops, 5.7e23, 6e23);
    }

    [Fact]
    public void CustomModelsParse()
    {
        var model = ReferenceModels.Parse("mine:7e9:1e12");
        Assert.Equal(7e9, model.Params);
        Assert.Equal(1e12, model.Tokens);
    }

    [Theory]
    [InlineData("mine:7e9", "expected NAME:N:D")]
    [InlineData("mine:x:1e12", "N 'x' must be a positive number")]
    [InlineData("mine:7e9:-1", "D '-1' must be a positive number")]
    [InlineData("nosuch", "unknown model 'nosuch'")]
    public void BadModelSpecsFailClearly(string spec, string expected)
    {
        var error = Assert.Throws<InputException>(() => ReferenceModels.Parse(spec));
        Assert.Contains(expected, error.Message);
    }
}
