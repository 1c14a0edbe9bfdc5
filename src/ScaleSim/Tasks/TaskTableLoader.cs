using System.Globalization;
using Microsoft.Data.Analysis;
using ScaleSim.Laws;
using ScaleSim.Runs;

namespace ScaleSim.Tasks;

/// <summary>
/// Loads task results from CSV, TSV or JSON Lines into a <see cref="TaskTable"/>. Bad input is reported as for run
/// tables: one <see cref="InputException"/> line naming the file, line and column. A value is a score (a fraction in
/// [0, 1]) unless the table is read as losses (<see cref="TaskColumns.Direction"/>) or its <c>direction</c> column says
/// <c>lower</c> for the row: then it is a loss, any positive number. A table with neither a task nor a metric column
/// is read as a wide table, one row per model and one column per task (<see cref="WideTaskTable"/>).
/// </summary>
public static class TaskTableLoader
{
    /// <summary>Reads and validates a task table.</summary>
    public static TaskTable Load(string path, TaskColumns? columns = null) => FromRaw(RawTable.Read(path), columns);

    /// <summary>Validates an already-read table.</summary>
    public static TaskTable FromRaw(RawTable raw, TaskColumns? columns = null)
    {
        columns ??= new TaskColumns();
        if (raw.Rows.Count == 0) throw new InputException($"{raw.File}: no data rows");

        var (scaleCol, kind) = FindScale(raw, columns);
        if (columns.Task is null && columns.Metric is null && columns.Score is null
            && raw.IndexOfFirst(TaskColumns.TaskAliases) < 0 && raw.IndexOfFirst(TaskColumns.MetricAliases) < 0)
            return WideTaskTable.Read(raw, columns, scaleCol, kind);
        var scaleUnit = ScaleUnit(raw, scaleCol, kind);
        int modelCol = Require(raw, columns.Model, TaskColumns.ModelAliases, "model", "model_column");
        int taskCol = Require(raw, columns.Task, TaskColumns.TaskAliases, "task", "task_column");
        int metricCol = Require(raw, columns.Metric, TaskColumns.MetricAliases, "metric", "metric_column");
        int lossCol = raw.IndexOfFirst(TaskColumns.LossAliases);
        int directionCol = raw.IndexOfFirst(TaskColumns.DirectionAliases);
        // A table of losses may hold them in a column named loss (or nll) rather than score: then that column is the value.
        bool noScore = columns.Score is null && raw.IndexOfFirst(TaskColumns.ScoreAliases) < 0;
        if (noScore && lossCol >= 0 && columns.Direction != MetricDirection.LowerIsBetter && directionCol < 0)
            throw InputException.About($"{raw.File}: no score column (looked for {string.Join(", ", TaskColumns.ScoreAliases)}), but a '{raw.Columns[lossCol]}' column: give {InputName.Of("loss")} to fit losses, or name the score with {InputName.Of("score_column")} COLUMN");
        int scoreCol = noScore && lossCol >= 0 ? lossCol : Require(raw, columns.Score, TaskColumns.ScoreAliases, "score", "score_column");
        if (lossCol == scoreCol) lossCol = -1;
        int chanceCol = raw.IndexOfFirst(TaskColumns.ChanceAliases);
        int examplesCol = raw.IndexOfFirst(TaskColumns.ExamplesAliases);
        int partialCol = raw.IndexOfFirst(TaskColumns.PartialCreditAliases);

        var rows = new List<TaskObservation>(raw.Rows.Count);
        for (int r = 0; r < raw.Rows.Count; r++)
        {
            var direction = Direction(raw, r, directionCol, columns.Direction);
            bool loss = direction == MetricDirection.LowerIsBetter;
            rows.Add(new TaskObservation(
                Text(raw, r, modelCol, "model"),
                scaleUnit.Factor * raw.ParseNumber(r, scaleCol, TaskColumns.Name(kind), requirePositive: true),
                Text(raw, r, taskCol, "task"),
                Text(raw, r, metricCol, "metric"),
                loss ? raw.ParseNumber(r, scoreCol, "loss", requirePositive: true) : Fraction(raw, r, scoreCol, "score", columns.Percent, optional: false)!.Value,
                loss ? Positive(raw, r, chanceCol, "chance loss") : Fraction(raw, r, chanceCol, "chance", columns.Percent, optional: true, below: true),
                Count(raw, r, examplesCol),
                Fraction(raw, r, partialCol, "partial credit", columns.Percent, optional: true),
                Positive(raw, r, lossCol, "task loss"),
                raw.Lines[r],
                direction));
        }

        var used = new[] { scaleCol, modelCol, taskCol, metricCol, scoreCol, chanceCol, examplesCol, partialCol, lossCol, directionCol };
        var frame = Frame(rows);
        for (int col = 0; col < raw.Columns.Count; col++)
        {
            if (used.Contains(col)) continue;
            string name = raw.Columns[col];
            if (frame.Columns.IndexOf(name) >= 0) name += "_original";
            frame.Columns.Add(Extra(raw, col, name));
        }
        var table = new TaskTable(raw.File, kind, rows, frame, [.. scaleUnit.Notes(raw, scaleCol, TaskColumns.Name(kind)), .. Duplicates(raw.File, rows)]);
        // Chance must be one value per task and metric; building the curves checks it with the line named.
        _ = table.Curves();
        return table;
    }

    /// <summary>The standard columns of a set of observations as a data frame (numbers as doubles, missing ones null).</summary>
    internal static DataFrame Frame(IReadOnlyList<TaskObservation> rows) => new(
        new StringDataFrameColumn("model", rows.Select(r => r.Model)),
        new DoubleDataFrameColumn("scale", rows.Select(r => r.Scale)),
        new StringDataFrameColumn("task", rows.Select(r => r.Task)),
        new StringDataFrameColumn("metric", rows.Select(r => r.Metric)),
        new DoubleDataFrameColumn("score", rows.Select(r => r.Score)),
        new DoubleDataFrameColumn("chance", rows.Select(r => r.Chance)),
        new DoubleDataFrameColumn("examples", rows.Select(r => (double?)r.Examples)),
        new DoubleDataFrameColumn("partial_credit", rows.Select(r => r.PartialCredit)),
        new DoubleDataFrameColumn("loss", rows.Select(r => r.Loss)),
        new StringDataFrameColumn("direction", rows.Select(r => r.Direction.Name())));

    private static (int Column, ScaleVariable Kind) FindScale(RawTable raw, TaskColumns columns)
    {

        if (columns.Scale is not null)
        {
            int col = raw.IndexOfCount([columns.Scale]);
            if (col < 0) throw InputException.About($"{raw.File}: no column '{columns.Scale}' (given by {InputName.Of("scale_column")}); columns are {string.Join(", ", raw.Columns)}");
            var named = TaskColumns.ScaleAliases.Where(a => a.Names.Contains(columns.Scale, StringComparer.OrdinalIgnoreCase)).Select(a => (ScaleVariable?)a.Kind).FirstOrDefault();
            var kind = columns.ScaleKind ?? named
                ?? throw InputException.About($"{raw.File}: column '{columns.Scale}' does not say whether it holds parameters, FLOPs or tokens; give {InputName.Of("scale")} params, flops or tokens");
            return (col, kind);
        }
        foreach (var (kind, names) in TaskColumns.ScaleAliases)
        {
            if (columns.ScaleKind is { } wanted && wanted != kind) continue;
            int col = raw.IndexOfFirst(names);
            if (col >= 0) return (col, kind);
        }
        // Then a header with a unit, as papers print them: "Params (B)".
        foreach (var (kind, names) in TaskColumns.ScaleAliases)
        {
            if (columns.ScaleKind is { } wanted && wanted != kind) continue;
            foreach (var name in names)
                if (raw.IndexOfWithUnit(name) is >= 0 and var col) return (col, kind);
        }
        int generic = raw.IndexOf(TaskColumns.GenericScale);
        if (generic >= 0)
        {
            if (columns.ScaleKind is { } given) return (generic, given);
            throw InputException.About($"{raw.File}: column 'scale' does not say whether it holds parameters, FLOPs or tokens; give {InputName.Of("scale")} params, flops or tokens");
        }
        var looked = TaskColumns.ScaleAliases.Where(a => columns.ScaleKind is null || a.Kind == columns.ScaleKind).SelectMany(a => a.Names).Append(TaskColumns.GenericScale);
        throw InputException.About($"{raw.File}: no scale column (looked for {string.Join(", ", looked)}); name it with {InputName.Of("scale_column")} COLUMN");
    }

    /// <summary>The unit in the scale column's header ("Params (B)": × 1e9), which a scale other than FLOPs may not give in compute.</summary>
    internal static ColumnUnit ScaleUnit(RawTable raw, int scaleCol, ScaleVariable kind) =>
        ColumnUnit.Of(raw, scaleCol, TaskColumns.Name(kind), compute: kind == ScaleVariable.Flops);

    private static int Require(RawTable raw, string? requested, string[] aliases, string what, string parameter)
    {
        if (requested is not null)
        {
            int i = raw.IndexOf(requested);
            if (i < 0) throw InputException.About($"{raw.File}: no column '{requested}' (given by {InputName.Of(parameter)}); columns are {string.Join(", ", raw.Columns)}");
            return i;
        }
        int found = raw.IndexOfFirst(aliases);
        if (found < 0) throw InputException.About($"{raw.File}: no {what} column (looked for {string.Join(", ", aliases)}); name it with {InputName.Of(parameter)} COLUMN");
        return found;
    }

    internal static string Where(RawTable raw, int row, int col, string meaning) =>
        $"{raw.File} line {raw.Lines[row]}, column '{raw.Columns[col]}' ({meaning})";

    internal static string Text(RawTable raw, int row, int col, string meaning)
    {
        string? cell = raw.Rows[row][col];
        if (string.IsNullOrWhiteSpace(cell)) throw new InputException($"{Where(raw, row, col, meaning)}: missing value");
        return cell.Trim();
    }

    private static bool Empty(RawTable raw, int row, int col) => col < 0 || string.IsNullOrWhiteSpace(raw.Rows[row][col]);

    /// <summary>
    /// A number in [0, 1] (in [0, 1) with <paramref name="below"/>, for a chance level); with <paramref name="percent"/>
    /// a number in [0, 100], returned as a fraction.
    /// </summary>
    internal static double? Fraction(RawTable raw, int row, int col, string meaning, bool percent, bool optional, bool below = false)
    {
        if (optional && Empty(raw, row, col)) return null;
        double v = raw.ParseNumber(row, col, meaning, requirePositive: false);
        double top = percent ? 100 : 1;
        if (v < 0 || v > top || (below && v == top))
        {
            string where = Where(raw, row, col, meaning), range = $"[0, {top}{(below ? ")" : "]")}";
            if (!percent && v > 1 && v <= 100)
                throw InputException.About($"{where}: value {raw.Rows[row][col]} is outside {range} (scores are fractions: give {InputName.Of("percent")} if the table's are percentages)");
            throw new InputException($"{where}: value {raw.Rows[row][col]} is outside {range}");
        }
        return v / top;
    }

    /// <summary>
    /// The row's direction: the table-wide one when given (a direction cell may only agree with it), else the
    /// direction cell, else a score.
    /// </summary>
    private static MetricDirection Direction(RawTable raw, int row, int col, MetricDirection? tableWide)
    {
        if (Empty(raw, row, col)) return tableWide ?? MetricDirection.HigherIsBetter;
        var cell = MetricDirectionNames.Parse(raw.Rows[row][col]!)
            ?? throw new InputException($"{Where(raw, row, col, "direction")}: '{raw.Rows[row][col]}' is not a direction (write lower for a loss, higher for a score)");
        if (tableWide is { } given && given != cell)
            throw InputException.About($"{Where(raw, row, col, "direction")}: '{raw.Rows[row][col]}' contradicts {InputName.Of("loss")}, which says every value is a loss");
        return cell;
    }

    internal static int? Count(RawTable raw, int row, int col)
    {
        if (Empty(raw, row, col)) return null;
        double v = raw.ParseNumber(row, col, "examples", requirePositive: true);
        if (v != Math.Floor(v) || v > int.MaxValue)
            throw new InputException($"{Where(raw, row, col, "examples")}: value {raw.Rows[row][col]} is not a whole number");
        return (int)v;
    }

    private static double? Positive(RawTable raw, int row, int col, string meaning) =>
        Empty(raw, row, col) ? null : raw.ParseNumber(row, col, meaning, requirePositive: true);

    internal static DataFrameColumn Extra(RawTable raw, int col, string name)
    {
        var values = new double?[raw.Rows.Count];
        for (int r = 0; r < raw.Rows.Count; r++)
        {
            string? cell = raw.Rows[r][col];
            if (string.IsNullOrEmpty(cell)) continue;
            if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out double v))
                return new StringDataFrameColumn(name, raw.Rows.Select(row => row[col]));
            values[r] = v;
        }
        return new DoubleDataFrameColumn(name, values);
    }

    internal static List<string> Duplicates(string file, IReadOnlyList<TaskObservation> rows)
    {
        var warnings = new List<string>();
        var first = new Dictionary<(string, string, string), int>();
        foreach (var row in rows)
        {
            var key = (row.Model, row.Task, row.Metric);
            if (first.TryGetValue(key, out int line))
                warnings.Add($"{file} line {row.Line}: model '{row.Model}' appears again for task '{row.Task}', metric '{row.Metric}' (first on line {line})");
            else
                first[key] = row.Line;
        }
        return warnings;
    }
}
