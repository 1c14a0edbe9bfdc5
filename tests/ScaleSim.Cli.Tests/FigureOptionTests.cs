using SkiaSharp;

namespace ScaleSim.Cli.Tests;

public class FigureOptionTests
{
    [Fact]
    public void FigureFormatAndScaleChooseTheFilesWrittenBesideTheirCsv()
    {
        string dir = Directory.CreateTempSubdirectory("figure-options-").FullName;
        try
        {
            var result = CliRunner.Run("tasks", "published", "--plot", dir, "--figure-format", "pdf,png", "--figure-scale", "2");
            Assert.Equal(0, result.ExitCode);
            string png = Path.Combine(dir, "reasoning-method-uplift.png");
            Assert.True(File.Exists(Path.Combine(dir, "reasoning-method-uplift.pdf")));
            Assert.False(File.Exists(Path.Combine(dir, "reasoning-method-uplift.svg")));
            Assert.StartsWith("layer,series,x,y", File.ReadAllText(Path.Combine(dir, "reasoning-method-uplift.csv")));
            using var bitmap = SKBitmap.Decode(png);
            Assert.Equal((1600, 1400), (bitmap.Width, bitmap.Height)); // the figure is 800×700
            Assert.Contains("reasoning-method-uplift.csv", result.Error);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    [InlineData("--figure-format", "gif", "--figure-format")]
    [InlineData("--figure-scale", "100", "--figure-scale")]
    public void ABadFigureOptionIsOneLineOnStderr(string option, string value, string named)
    {
        string dir = Path.Combine(Path.GetTempPath(), "scalesim-no-figures-" + Guid.NewGuid().ToString("N"));
        var result = CliRunner.Run("tasks", "published", "--plot", dir, option, value);
        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Out);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.Contains(named, result.Error);
        Assert.False(Directory.Exists(dir));
    }
}
