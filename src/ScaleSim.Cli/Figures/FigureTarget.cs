using ScaleSim.Plotting;

namespace ScaleSim.Cli.Figures;

/// <summary>Where a command's figures go and how they are written (<c>--plot</c>, <c>--figure-format</c>, <c>--figure-scale</c>).</summary>
/// <param name="Directory">The figure directory.</param>
/// <param name="Output">Formats and scale.</param>
internal sealed record FigureTarget(string Directory, FigureOutput Output)
{
    /// <summary>Writes the figure and the CSV of its data; returns a description of the files for a "wrote …" line.</summary>
    public string Save(Figure figure, string baseName) => figure.Save(Directory, baseName, Output).Describe();

    /// <summary>The files of a figure written elsewhere into this target, for a "wrote …" line.</summary>
    public string Describe(string baseName) =>
        string.Join(", ", Output.Formats.Select(f => "." + f.ToString().ToLowerInvariant()).Append(".csv")
            .Select(extension => Path.Combine(Directory, baseName + extension)));
}
