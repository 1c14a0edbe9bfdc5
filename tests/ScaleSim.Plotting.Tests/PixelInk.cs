using SkiaSharp;

namespace ScaleSim.Plotting.Tests;

/// <summary>Reads rendered PNGs back for tests: decoding, and counting dark ("ink") pixels in a region.</summary>
internal static class PixelInk
{
    public static SKBitmap Decode(byte[] png) =>
        SKBitmap.Decode(png) ?? throw new InvalidOperationException("PNG did not decode.");

    /// <summary>Number of pixels in the rectangle that differ between two images of equal size.</summary>
    public static int CountDifferences(SKBitmap a, SKBitmap b, SKRectI region)
    {
        Assert.Equal(a.Width, b.Width);
        Assert.Equal(a.Height, b.Height);
        int count = 0;
        for (int y = region.Top; y < region.Bottom; y++)
            for (int x = region.Left; x < region.Right; x++)
                if (a.GetPixel(x, y) != b.GetPixel(x, y))
                    count++;
        return count;
    }

    /// <summary>Number of pixels in the rectangle that are clearly darker than the light background.</summary>
    public static int CountDark(SKBitmap bitmap, SKRectI region)
    {
        int count = 0;
        for (int y = region.Top; y < region.Bottom; y++)
        {
            for (int x = region.Left; x < region.Right; x++)
            {
                SKColor c = bitmap.GetPixel(x, y);
                if (c.Red + c.Green + c.Blue < 3 * 128)
                    count++;
            }
        }
        return count;
    }
}
