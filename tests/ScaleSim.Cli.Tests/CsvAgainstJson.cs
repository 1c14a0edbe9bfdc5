using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ScaleSim.Cli.Tests;

/// <summary>Reads <c>--format csv</c> output back and holds it against the JSON the same command prints.</summary>
internal static class CsvAgainstJson
{
    /// <summary>The header and the rows; a quoted cell may hold commas and doubled quotes (no line breaks in these tables).</summary>
    public static (string[] Header, List<string[]> Rows) Parse(string csv)
    {
        var lines = csv.TrimEnd('\n').Split('\n');
        return (Cells(lines[0]), lines.Skip(1).Select(Cells).ToList());
    }

    /// <summary>
    /// Asserts that each cell is the JSON's value at its column's dotted path (<c>ci95.a.1</c>), a number exactly (full
    /// precision), a missing or null value as an empty cell; columns named in <paramref name="skip"/> are not looked up.
    /// Returns how many cells held a value.
    /// </summary>
    public static int AssertRow(string[] header, string[] cells, JsonNode node, params string[] skip)
    {
        Assert.Equal(header.Length, cells.Length);
        int compared = 0;
        for (int i = 0; i < header.Length; i++)
        {
            if (skip.Contains(header[i])) continue;
            var value = At(node, header[i]);
            if (value is null) { Assert.Equal("", cells[i]); continue; }
            var v = value.AsValue();
            if (v.GetValueKind() == JsonValueKind.Number)
                Assert.Equal(v.GetValue<double>(), double.Parse(cells[i], CultureInfo.InvariantCulture));
            else if (v.GetValueKind() == JsonValueKind.String) Assert.Equal(v.GetValue<string>(), cells[i]);
            else Assert.Equal(v.ToJsonString(), cells[i]);
            compared++;
        }
        return compared;
    }

    /// <summary>The columns <c>--format csv</c> gives a JSON row: its dotted leaf paths, arrays of objects left out.</summary>
    public static List<string> Columns(JsonNode? node, string path = "")
    {
        return node switch
        {
            JsonObject obj => obj.SelectMany(p => Columns(p.Value, path.Length == 0 ? p.Key : $"{path}.{p.Key}")).ToList(),
            JsonArray array when array.All(v => v is null or JsonValue) => array.SelectMany((v, i) => Columns(v, $"{path}.{i}")).ToList(),
            JsonArray => [],
            _ => [path],
        };
    }

    /// <summary>The value at a dotted path; a key may hold a dot itself (<c>exponent_within_0.02</c>).</summary>
    private static JsonNode? At(JsonNode? node, string path)
    {
        if (node is JsonObject obj && obj.ContainsKey(path)) return obj[path];
        if (node is JsonArray last && int.TryParse(path, NumberStyles.None, CultureInfo.InvariantCulture, out int at)) return last[at];
        for (int dot = path.IndexOf('.'); dot >= 0; dot = path.IndexOf('.', dot + 1))
        {
            string step = path[..dot];
            if (node is JsonArray array && int.TryParse(step, NumberStyles.None, CultureInfo.InvariantCulture, out int index)) return At(array[index], path[(dot + 1)..]);
            if (node is JsonObject o && o.ContainsKey(step)) return At(o[step], path[(dot + 1)..]);
        }
        return null;
    }

    private static string[] Cells(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else cell.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { cells.Add(cell.ToString()); cell.Clear(); }
            else cell.Append(c);
        }
        cells.Add(cell.ToString());
        return cells.ToArray();
    }
}
