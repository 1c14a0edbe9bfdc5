using ScaleSim.Training.Model;

namespace ScaleSim.Training.Sweeps;

/// <summary>
/// Turns a target parameter count into a model shape: fixed depth, width a multiple of <see cref="WidthMultiple"/>,
/// heads of about <see cref="HeadSize"/> channels. One family for the whole sweep: the pilot found that mixing depths and
/// head sizes made IsoFLOP curves jagged and threw the fitted E off by 40%.
/// </summary>
public sealed record ShapeRule
{
    /// <summary>Transformer blocks, the same for every size.</summary>
    public int Layers { get; init; } = 2;

    /// <summary>Preferred channels per attention head.</summary>
    public int HeadSize { get; init; } = 16;

    /// <summary>d_model is a multiple of this.</summary>
    public int WidthMultiple { get; init; } = 8;

    /// <summary>Smallest d_model allowed.</summary>
    public int MinWidth { get; init; } = 16;

    /// <summary>Largest d_model allowed.</summary>
    public int MaxWidth { get; init; } = 512;

    /// <summary>Heads for a width: d_model / HeadSize rounded, at least 1, adjusted to divide d_model.</summary>
    public int HeadsFor(int width)
    {
        int heads = Math.Max(1, (int)Math.Round(width / (double)HeadSize));
        while (width % heads != 0) heads--;
        return heads;
    }

    /// <summary>Every width the rule allows, smallest first.</summary>
    public IEnumerable<int> Widths()
    {
        int first = (MinWidth + WidthMultiple - 1) / WidthMultiple * WidthMultiple;
        for (int w = first; w <= MaxWidth; w += WidthMultiple) yield return w;
    }

    /// <summary>The model of the allowed width whose parameter count (as <paramref name="count"/> measures it) is nearest
    /// <paramref name="target"/> in log scale.</summary>
    public TinyGpt Nearest(double target, int context, int vocab, Func<TinyGpt, double> count) =>
        Widths().Select(w => new TinyGpt(Layers, w, HeadsFor(w), context, vocab))
            .MinBy(m => Math.Abs(Math.Log(count(m) / target)))!;

    /// <summary>Throws <see cref="InputException"/> on an impossible rule.</summary>
    public void Validate(string source)
    {
        if (Layers <= 0) throw new InputException($"{source}: shape.layers must be positive, got {Layers}");
        if (HeadSize <= 0) throw new InputException($"{source}: shape.head_size must be positive, got {HeadSize}");
        if (WidthMultiple <= 0) throw new InputException($"{source}: shape.width_multiple must be positive, got {WidthMultiple}");
        if (MinWidth <= 0 || MaxWidth < MinWidth) throw new InputException($"{source}: shape.min_width and max_width must satisfy 0 < min <= max, got {MinWidth} and {MaxWidth}");
        if (!Widths().Any()) throw new InputException($"{source}: no multiple of {WidthMultiple} lies between shape.min_width {MinWidth} and max_width {MaxWidth}");
    }
}
