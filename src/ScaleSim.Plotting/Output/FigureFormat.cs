namespace ScaleSim.Plotting;

/// <summary>A file format a figure can be written in.</summary>
public enum FigureFormat
{
    /// <summary>Raster image, for READMEs and slides; its pixel size follows <see cref="FigureOutput.Scale"/>.</summary>
    Png,

    /// <summary>Vector image whose text stays text.</summary>
    Svg,

    /// <summary>Vector document with the embedded font subset, for papers (drawn by SkiaSharp's PDF backend).</summary>
    Pdf,
}
