using Microsoft.Data.Analysis;
using ScaleSim.Laws;
using ScaleSim.Runs;

namespace ScaleSim.Tasks;

/// <summary>
/// Reads a wide task table, one row per model and one column per task, as papers and leaderboards print them
/// (<c>model,params,MMLU,HellaSwag,ARC</c>). Every column other than the scale, the model and the usual auxiliary
/// columns (other scales, chance, examples, partial credit, loss, direction) whose cells are all numbers or missing
/// (empty, -, –, —, n/a, na, nan, null, none, ?) is one task, its values under the metric "score" ("loss" for a loss
/// table). Columns holding text (a model family, a method) are kept beside the rows, not read as tasks. The number
/// of examples, when the table has that column, applies to every task of its row; chance levels are not known.
/// </summary>
internal static class WideTaskTable
{
    private static readonly HashSet<string> MissingMarks = new(StringComparer.OrdinalIgnoreCase)
        { "-", "–", "—", "n/a", "na", "nan", "null", "none", "?" };

    public static TaskTable Read(RawTable raw, TaskColumns columns, int scaleCol, ScaleVariable kind)
    {
        int modelCol = columns.Model is { } named
            ? raw.IndexOf(named) is >= 0 and var i ? i : throw InputException.About($"{raw.File}: no column '{named}' (given by {InputName.Of("model_column")}); columns are {string.Join(", ", raw.Columns)}")
            : raw.IndexOfFirst(TaskColumns.ModelAliases);
        int examplesCol = raw.IndexOfFirst(TaskColumns.ExamplesAliases);
        bool loss = columns.Direction == MetricDirection.LowerIsBetter;
        var scaleUnit = TaskTableLoader.ScaleUnit(raw, scaleCol, kind);

        var auxiliary = new HashSet<int> { scaleCol, modelCol, examplesCol, raw.IndexOf(TaskColumns.GenericScale) };
        foreach (var (_, names) in TaskColumns.ScaleAliases)
        {
            auxiliary.Add(raw.IndexOfFirst(names));
            foreach (var name in names) auxiliary.Add(raw.IndexOfWithUnit(name));
        }
        foreach (var aliases in new[] { TaskColumns.ChanceAliases, TaskColumns.PartialCreditAliases, TaskColumns.DirectionAliases })
            auxiliary.Add(raw.IndexOfFirst(aliases));
        if (!loss) auxiliary.Add(raw.IndexOfFirst(TaskColumns.LossAliases));

        var tasks = new List<int>();
        var descriptors = new List<int>();
        var warnings = new List<string>();
        for (int col = 0; col < raw.Columns.Count; col++)
        {
            if (auxiliary.Contains(col)) continue;
            var present = Enumerable.Range(0, raw.Rows.Count).Where(r => !Missing(raw.Rows[r][col])).ToList();
            var text = present.Where(r => !IsNumber(raw.Rows[r][col]!)).ToList();
            if (present.Count > 0 && text.Count == 0) { tasks.Add(col); continue; }
            descriptors.Add(col);
            // A column of mostly numbers with a stray word is likely a task with a typo: say why it was not read as one.
            if (text.Count > 0 && present.Count - text.Count >= text.Count)
                warnings.Add($"{raw.File} line {raw.Lines[text[0]]}, column '{raw.Columns[col]}': '{raw.Rows[text[0]][col]}' is not a number, so the column is not read as a task ({text.Count} such cells)");
        }
        if (tasks.Count == 0)
            throw InputException.About($"{raw.File}: no task column (looked for {string.Join(", ", TaskColumns.TaskAliases)}), and no column of numbers to read as one task each in a wide table; name the task column with {InputName.Of("task_column")} COLUMN");

        var rows = new List<TaskObservation>();
        var sourceRows = new List<int>();
        for (int r = 0; r < raw.Rows.Count; r++)
        {
            string model = modelCol >= 0 ? TaskTableLoader.Text(raw, r, modelCol, "model") : $"line {raw.Lines[r]}";
            double scale = scaleUnit.Factor * raw.ParseNumber(r, scaleCol, TaskColumns.Name(kind), requirePositive: true);
            int? examples = examplesCol >= 0 && Missing(raw.Rows[r][examplesCol]) ? null : TaskTableLoader.Count(raw, r, examplesCol);
            foreach (int col in tasks)
            {
                if (Missing(raw.Rows[r][col])) continue;
                double value = loss
                    ? raw.ParseNumber(r, col, "loss", requirePositive: true)
                    : TaskTableLoader.Fraction(raw, r, col, "score", columns.Percent, optional: false)!.Value;
                rows.Add(new TaskObservation(model, scale, raw.Columns[col].Trim(), loss ? "loss" : "score", value,
                    Examples: examples, Line: raw.Lines[r], Direction: loss ? MetricDirection.LowerIsBetter : MetricDirection.HigherIsBetter));
                sourceRows.Add(r);
            }
        }

        var frame = TaskTableLoader.Frame(rows);
        foreach (int col in descriptors.Where(c => c != modelCol))
        {
            string name = raw.Columns[col];
            if (frame.Columns.IndexOf(name) >= 0) name += "_original";
            // One value per observation: the descriptor of the row each observation came from.
            frame.Columns.Add(TaskTableLoader.Extra(raw, col, name).Clone(new Int64DataFrameColumn("rows", sourceRows.Select(r => (long)r))));
        }
        var table = new TaskTable(raw.File, kind, rows, frame, [.. scaleUnit.Notes(raw, scaleCol, TaskColumns.Name(kind)), .. warnings, .. TaskTableLoader.Duplicates(raw.File, rows)]);
        _ = table.Curves();
        return table;
    }

    private static bool IsNumber(string cell) =>
        double.TryParse(cell, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double v) && double.IsFinite(v);

    private static bool Missing(string? cell) => string.IsNullOrWhiteSpace(cell) || MissingMarks.Contains(cell.Trim());
}
