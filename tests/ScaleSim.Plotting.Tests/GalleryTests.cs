namespace ScaleSim.Plotting.Tests;

/// <summary>
/// Renders every sample figure. Set SCALESIM_GALLERY_DIR to also write them there as PNG and SVG to look at.
/// </summary>
public class GalleryTests
{
    public static TheoryData<string> Names => [.. SampleFigures.All.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public void SampleFigureRenders(string name)
    {
        var figure = SampleFigures.All[name]();
        string? gallery = Environment.GetEnvironmentVariable("SCALESIM_GALLERY_DIR");
        if (!string.IsNullOrWhiteSpace(gallery))
        {
            var saved = figure.Save(gallery, name);
            Assert.True(new FileInfo(saved.PngPath!).Length > 0);
        }
        else
        {
            Assert.NotEmpty(figure.RenderPng());
        }
    }
}
