using System.Text;

namespace ScaleSim.Experiments.Reports;

/// <summary>A small markdown writer: headings, paragraphs, tables and images.</summary>
public sealed class Markdown
{
    private readonly StringBuilder _text = new();

    /// <summary>A heading of the given level and a blank line.</summary>
    public Markdown Heading(int level, string text) => Line($"{new string('#', level)} {text}").Line();

    /// <summary>A paragraph and a blank line.</summary>
    public Markdown Paragraph(string text) => Line(text).Line();

    /// <summary>A table, the first column left-aligned and the rest right-aligned.</summary>
    public Markdown Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        Line("| " + string.Join(" | ", headers) + " |");
        Line("|" + string.Concat(headers.Select((_, i) => i == 0 ? "---|" : "---:|")));
        foreach (var row in rows) Line("| " + string.Join(" | ", row) + " |");
        return Line();
    }

    /// <summary>An image with its caption below it in italics.</summary>
    public Markdown Image(string caption, string path) => Line($"![{caption}]({path})").Line().Line($"*{caption}.*").Line();

    /// <summary>A heading and a bulleted list under it, or nothing when there are no items (a report's notes).</summary>
    public Markdown Bullets(string heading, IReadOnlyList<string> items)
    {
        if (items.Count == 0) return this;
        Heading(2, heading);
        foreach (var item in items) Line($"- {item}");
        return Line();
    }

    /// <summary>A report's "Figures" section: each figure's PNG in <paramref name="figureDirectory"/> with its caption.</summary>
    public Markdown Figures(IReadOnlyList<(string File, string Caption)> figures, string figureDirectory)
    {
        Heading(2, "Figures");
        foreach (var (file, caption) in figures) Image(caption, $"{figureDirectory}/{file}.png");
        return this;
    }

    /// <summary>One line of text.</summary>
    public Markdown Line(string text = "")
    {
        _text.Append(text).Append('\n');
        return this;
    }

    /// <inheritdoc />
    public override string ToString() => _text.ToString();
}
