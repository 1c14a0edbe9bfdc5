using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

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

    /// <summary>
    /// Rows given as the JSON objects a command prints with <c>--json</c>, flattened: a nested field becomes a column
    /// named by its path (<c>step1.alpha</c>), an array of numbers one column per element (<c>ci95.0</c>,
    /// <c>ci95.1</c>); arrays of objects (lists within a row) are left to the JSON. The columns are the union of
    /// every row's, in first-seen order, so each CSV cell is exactly the JSON's value.
    /// </summary>
    public static void WriteRows(TextWriter writer, IEnumerable<JsonObject> rows)
    {
        var flat = rows.Select(row => { var cells = new List<(string, object?)>(); Flatten(row, "", cells); return cells; }).ToList();
        var header = flat.SelectMany(r => r.Select(c => c.Item1)).Distinct().ToList();
        Write(writer, header, flat.Select(r =>
        {
            var byName = r.ToDictionary(c => c.Item1, c => c.Item2);
            return (IReadOnlyList<object?>)header.Select(h => byName.GetValueOrDefault(h)).ToList();
        }));
    }

    private static void Flatten(JsonNode? node, string path, List<(string, object?)> cells)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj) Flatten(value, path.Length == 0 ? key : $"{path}.{key}", cells);
                break;
            case JsonArray array when array.All(v => v is null or JsonValue):
                for (int i = 0; i < array.Count; i++) Flatten(array[i], $"{path}.{i}", cells);
                break;
            case JsonArray:
                break;
            case JsonValue value:
                cells.Add((path, value.GetValueKind() switch
                {
                    // Parsed from its JSON text, so an int-backed node reads too and a double keeps every bit.
                    JsonValueKind.Number => double.Parse(value.ToJsonString(), CultureInfo.InvariantCulture),
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    JsonValueKind.String => value.GetValue<string>(),
                    _ => value.ToJsonString(),
                }));
                break;
            case null:
                cells.Add((path, null));
                break;
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
