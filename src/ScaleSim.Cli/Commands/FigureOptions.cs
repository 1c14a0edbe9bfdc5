using System.CommandLine;
using System.Globalization;
using ScaleSim.Cli.Figures;
using ScaleSim.Plotting;

namespace ScaleSim.Cli.Commands;

/// <summary>
/// The figure options of a command that plots: the directory, the formats and the resolution.
/// The resolution option is <c>--figure-scale</c>, not <c>--scale</c>: the tasks commands already use <c>--scale</c> for
/// the table's scale column.
/// </summary>
internal sealed class FigureOptions
{
    /// <param name="withDirectory">False for a command whose figure directory is fixed (simulate writes OUT/figures).</param>
    /// <param name="directory">The directory option, when the command describes it its own way; default <c>--plot</c>.</param>
    public FigureOptions(bool withDirectory = true, Option<string?>? directory = null)
    {
        Directory = withDirectory ? directory ?? CommonOptions.Plot() : null;
    }

    public Option<string?>? Directory { get; }

    public Option<string> Format { get; } = new("--figure-format")
    {
        Description = "Figure formats, comma-separated: png, svg, pdf (default png,svg). A CSV of each figure's data is always written beside it.",
        DefaultValueFactory = _ => "png,svg",
    };

    public Option<double?> Scale { get; } = CommonOptions.Number("--figure-scale",
        $"Resolution multiplier for PNG figures, {FigureOutput.MinScale}–{FigureOutput.MaxScale} (default 1; 2 for print).");

    /// <summary>Adds the three options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        if (Directory is not null) command.Add(Directory);
        command.Add(Format);
        command.Add(Scale);
    }

    /// <summary>Where to write figures, or null when the command was not asked for any (no directory given).</summary>
    public FigureTarget? Read(ParseResult parse) =>
        Directory is not null && parse.GetValue(Directory) is { } directory ? new FigureTarget(directory, Output(parse)) : null;

    /// <summary>Formats and scale as given; a bad value is a one-line input error.</summary>
    public FigureOutput Output(ParseResult parse)
    {
        string text = parse.GetValue(Format) ?? "png,svg";
        var formats = new List<FigureFormat>();
        foreach (string name in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Enum.TryParse(name, ignoreCase: true, out FigureFormat format) || !Enum.IsDefined(format) || int.TryParse(name, out _))
                throw new InputException($"--figure-format: '{name}' is not a figure format (png, svg or pdf)");
            if (!formats.Contains(format)) formats.Add(format);
        }
        if (formats.Count == 0)
            throw new InputException("--figure-format needs at least one of png, svg, pdf");
        double scale = parse.GetValue(Scale) ?? 1;
        if (!double.IsFinite(scale) || scale < FigureOutput.MinScale || scale > FigureOutput.MaxScale)
            throw new InputException(string.Create(CultureInfo.InvariantCulture,
                $"--figure-scale must be between {FigureOutput.MinScale} and {FigureOutput.MaxScale}, got {scale}"));
        return new FigureOutput(formats, scale);
    }
}
