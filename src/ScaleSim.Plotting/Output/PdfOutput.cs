using ScottPlot;
using SkiaSharp;

namespace ScaleSim.Plotting;

/// <summary>Draws a ScottPlot plot onto one page of a SkiaSharp PDF document (ScottPlot 5.1 has no PDF export).</summary>
internal static class PdfOutput
{
    public static byte[] Render(Plot plot, int width, int height)
    {
        using var stream = new MemoryStream();
        // A fixed creation date keeps the same figure's PDF byte-identical from one run to the next.
        var metadata = new SKDocumentPdfMetadata
        {
            Creator = "ScaleSim",
            Producer = "ScaleSim (SkiaSharp)",
            Creation = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            Modified = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            RasterDpi = SKDocument.DefaultRasterDpi,
        };
        using (var wrapper = new SKManagedWStream(stream))
        using (SKDocument document = SKDocument.CreatePdf(wrapper, metadata))
        {
            SKCanvas canvas = document.BeginPage(width, height);
            plot.Render(canvas, width, height);
            document.EndPage();
            document.Close();
        }
        return stream.ToArray();
    }
}
