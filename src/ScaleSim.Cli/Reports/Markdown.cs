using System.Text;

namespace ScaleSim.Cli.Reports;

/// <summary>A small markdown writer: headings, paragraphs, tables and images.</summary>
internal sealed class Markdown
{
    private readonly StringBuilder _text = new();

    public Markdown Heading(int level, string text) => Line($"{new string('#', level)} {text}").Line();

    public Markdown Paragraph(string text) => Line(text).Line();

    public Markdown Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        Line("| " + string.Join(" | ", headers) + " |");
        Line("|" + string.Concat(headers.Select((_, i) => i == 0 ? "---|" : "---:|")));
        foreach (var row in rows) Line("| " + string.Join(" | ", row) + " |");
        return Line();
    }

    public Markdown Image(string caption, string path) => Line($"![{caption}]({path})").Line().Line($"*{caption}.*").Line();

    public Markdown Line(string text = "")
    {
        _text.Append(text).Append('\n');
        return this;
    }

    public override string ToString() => _text.ToString();
}
