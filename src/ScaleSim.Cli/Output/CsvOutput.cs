using System.Globalization;

namespace ScaleSim.Cli.Output;

/// <summary>
/// Writes rows as CSV: a header, then one line per row; numbers in round-trip form ("R": parsing one back gives the
/// same double), an empty cell for a missing value, and text quoted when it holds a comma, quote or line break.
/// </summary>
internal static class CsvOutput
{
    public static void Write(TextWriter writer, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows)
    {
        writer.WriteLine(string.Join(",", header.Select(Quote)));
        foreach (var row in rows)
        {
            if (row.Count != header.Count) throw new ArgumentException("one cell per column", nameof(rows));
            writer.WriteLine(string.Join(",", row.Select(Cell)));
        }
    }

    private static string Cell(object? value) => value switch
    {
        null => "",
        double d when double.IsNaN(d) => "",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        _ => Quote(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
    };

    private static string Quote(string text) =>
        text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
}
