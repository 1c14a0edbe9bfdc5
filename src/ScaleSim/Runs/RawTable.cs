using System.Text.Json;

namespace ScaleSim.Runs;

/// <summary>
/// A table as read from disk, every cell still text, with the line each row came from.
/// Shared by the run-table and task-table loaders so both report bad input the same way.
/// </summary>
/// <param name="File">The file name used in error messages.</param>
/// <param name="Columns">Column names in file order.</param>
/// <param name="Rows">Cells by row then column; null where a JSON Lines record lacks the column.</param>
/// <param name="Lines">The 1-based line number of each row in the file.</param>
public sealed record RawTable(string File, IReadOnlyList<string> Columns, IReadOnlyList<string?[]> Rows, IReadOnlyList<int> Lines)
{
    /// <summary>
    /// Reads a CSV (.csv), TSV (.tsv, .tab) or JSON Lines (.jsonl, .ndjson) file. Throws <see cref="InputException"/>
    /// naming the file and line on anything unreadable.
    /// </summary>
    public static RawTable Read(string path)
    {
        if (!System.IO.File.Exists(path)) throw new InputException($"{path}: file not found");
        string text;
        try { text = System.IO.File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{path}: cannot read ({e.Message})", e);
        }
        string ext = Path.GetExtension(path).ToLowerInvariant();
        return ext switch
        {
            ".jsonl" or ".ndjson" => ParseJsonLines(text, path),
            ".tsv" or ".tab" => ParseDelimited(text, '\t', path),
            _ => ParseDelimited(text, DetectSeparator(text), path),
        };
    }

    /// <summary>
    /// Reads a table from a stream that has no file name to go by, such as standard input: JSON Lines when its first
    /// non-blank character is <c>{</c>, else CSV or TSV by the header's separators. <paramref name="name"/> (e.g.
    /// <c>&lt;stdin&gt;</c>) stands for the file in error messages.
    /// </summary>
    public static RawTable Read(TextReader reader, string name)
    {
        string text;
        try { text = reader.ReadToEnd(); }
        catch (IOException e) { throw new InputException($"{name}: cannot read ({e.Message})", e); }
        return text.TrimStart().StartsWith('{') ? ParseJsonLines(text, name) : ParseDelimited(text, DetectSeparator(text), name);
    }

    /// <summary>Parses delimited text with a header row.</summary>
    public static RawTable ParseDelimited(string text, char separator, string file)
    {
        var records = DelimitedText.Parse(text, separator, file);
        if (records.Count == 0) throw new InputException($"{file}: empty file (expected a header row)");
        var header = records[0].Fields.Select(h => h.Trim()).ToArray();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var h in header)
        {
            if (h.Length == 0) throw new InputException($"{file} line {records[0].Line}: empty column name in header");
            if (!seen.Add(h)) throw new InputException($"{file} line {records[0].Line}: column '{h}' appears twice in header");
        }
        var rows = new List<string?[]>();
        var lines = new List<int>();
        foreach (var (line, fields) in records.Skip(1))
        {
            if (fields.Length != header.Length)
                throw new InputException($"{file} line {line}: {fields.Length} fields, but the header has {header.Length}");
            rows.Add(fields.Select(f => (string?)f.Trim()).ToArray());
            lines.Add(line);
        }
        return new RawTable(file, header, rows, lines);
    }

    /// <summary>Parses JSON Lines: one flat object per non-blank line; the columns are the union of keys in first-seen order.</summary>
    public static RawTable ParseJsonLines(string text, string file)
    {
        var columns = new List<string>();
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var parsed = new List<(int Line, Dictionary<int, string> Cells)>();
        var lineTexts = text.Split('\n');
        for (int i = 0; i < lineTexts.Length; i++)
        {
            string lineText = lineTexts[i].Trim();
            if (lineText.Length == 0) continue;
            JsonDocument doc;
            try { doc = JsonDocument.Parse(lineText); }
            catch (JsonException e) { throw new InputException($"{file} line {i + 1}: not valid JSON ({e.Message.Split('.')[0]})"); }
            using (doc)
            {
                if (doc.RootElement.ValueKind != JsonValueKind.Object)
                    throw new InputException($"{file} line {i + 1}: expected a JSON object");
                var cells = new Dictionary<int, string>();
                foreach (var prop in doc.RootElement.EnumerateObject())
                {
                    if (!index.TryGetValue(prop.Name, out int col))
                    {
                        col = columns.Count;
                        columns.Add(prop.Name);
                        index[prop.Name] = col;
                    }
                    cells[col] = prop.Value.ValueKind switch
                    {
                        JsonValueKind.String => prop.Value.GetString() ?? "",
                        JsonValueKind.Null => "",
                        _ => prop.Value.GetRawText(),
                    };
                }
                parsed.Add((i + 1, cells));
            }
        }
        if (parsed.Count == 0) throw new InputException($"{file}: no JSON records");
        var rows = parsed.Select(p => Enumerable.Range(0, columns.Count).Select(c => p.Cells.TryGetValue(c, out var v) ? v : null).ToArray()).ToList();
        return new RawTable(file, columns, rows, parsed.Select(p => p.Line).ToList());
    }

    /// <summary>
    /// The index of a column: by name ignoring case, else by its letters and digits alone ("Model Size" and "val/loss"
    /// are model_size and val_loss), so headers written by other tools are found; -1 when none matches, or when
    /// several match only that loosely. A unit in the name ("Params (B)") keeps it from matching a plain name.
    /// </summary>
    public int IndexOf(string column)
    {
        for (int i = 0; i < Columns.Count; i++)
            if (string.Equals(Columns[i], column, StringComparison.OrdinalIgnoreCase)) return i;
        return OnlyColumn(column, header => header);
    }

    /// <summary>
    /// The index of the one column whose header is <paramref name="column"/> (as <see cref="IndexOf"/> matches it)
    /// followed by a unit in brackets, "Params (B)" for params (<see cref="ColumnUnit"/>); -1 when none or several.
    /// </summary>
    public int IndexOfWithUnit(string column) =>
        OnlyColumn(column, header => ColumnUnit.Parse(header) is { Unit: not null } unit ? unit.Name : null);

    /// <summary>The column of the first of <paramref name="names"/> that <see cref="IndexOf"/> finds, or -1.</summary>
    public int IndexOfFirst(IEnumerable<string> names)
    {
        foreach (var name in names)
            if (IndexOf(name) is >= 0 and var i) return i;
        return -1;
    }

    /// <summary>
    /// The column of a count (parameters, tokens, FLOPs) under one of <paramref name="names"/>: the first found as
    /// <see cref="IndexOf"/> finds it, else the first found with a unit in its header (<see cref="IndexOfWithUnit"/>);
    /// -1 when neither.
    /// </summary>
    public int IndexOfCount(IReadOnlyList<string> names) =>
        IndexOfFirst(names) is >= 0 and var plain ? plain : names.Select(IndexOfWithUnit).FirstOrDefault(i => i >= 0, -1);

    // The one column whose name (as nameOf reads the header; null skips it) has the letters and digits of column.
    private int OnlyColumn(string column, Func<string, string?> nameOf)
    {
        string key = LooseKey(column);
        if (key.Length == 0) return -1;
        int found = -1;
        for (int i = 0; i < Columns.Count; i++)
        {
            if (nameOf(Columns[i]) is not { } name || LooseKey(name) != key) continue;
            if (found >= 0) return -1;
            found = i;
        }
        return found;
    }

    private static string LooseKey(string name) => string.Concat(name.Where(char.IsLetterOrDigit)).ToLowerInvariant();

    /// <summary>
    /// Parses one column as positive finite numbers, failing on the first bad cell with file, line and column named.
    /// </summary>
    public double[] PositiveColumn(int column, string meaning)
    {
        var values = new double[Rows.Count];
        for (int r = 0; r < Rows.Count; r++)
            values[r] = ParseNumber(r, column, meaning, requirePositive: true);
        return values;
    }

    /// <summary>Parses one cell as a finite number; with <paramref name="requirePositive"/> also rejects zero and negatives.</summary>
    public double ParseNumber(int row, int column, string meaning, bool requirePositive)
    {
        string where = $"{File} line {Lines[row]}, column '{Columns[column]}' ({meaning})";
        string? cell = Rows[row][column];
        if (string.IsNullOrWhiteSpace(cell)) throw new InputException($"{where}: missing value");
        if (!double.TryParse(cell, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double v))
        {
            string word = cell.TrimStart('+', '-').ToLowerInvariant();
            if (word == "nan") throw new InputException($"{where}: value is NaN");
            if (word is "inf" or "infinity") throw new InputException($"{where}: value is infinite");
            throw new InputException($"{where}: '{cell}' is not a number");
        }
        if (double.IsNaN(v)) throw new InputException($"{where}: value is NaN");
        if (double.IsInfinity(v)) throw new InputException($"{where}: value is infinite");
        if (requirePositive && v <= 0) throw new InputException($"{where}: value {cell} must be positive");
        return v;
    }

    private static char DetectSeparator(string text)
    {
        int end = text.IndexOf('\n');
        string header = end < 0 ? text : text[..end];
        return header.Count(c => c == '\t') > header.Count(c => c == ',') ? '\t' : ',';
    }
}
