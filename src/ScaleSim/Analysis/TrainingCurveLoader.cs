using ScaleSim.Runs;

namespace ScaleSim.Analysis;

/// <summary>
/// Reads training curves from anyone's logs: a long table (CSV, TSV or JSON Lines), one row per evaluation, with a run
/// name, tokens seen or the optimizer step, and the loss. A run's parameter count comes from the table's own N column
/// or, matched by run name, from the runs table; a step becomes tokens through the run's tokens per step (its D over its
/// steps in the runs table, or over the curve's last step when the runs table has no steps). Compute is the table's
/// own C column, or the run's C scaled by the tokens seen, or C = 6ND (Kaplan et al. 2020, §2.1).
/// </summary>
public static class TrainingCurveLoader
{
    /// <summary>Names tried for the run name.</summary>
    public static readonly string[] RunAliases = ["run", "run_id", "run_name", "name", "model"];

    /// <summary>
    /// Loads the curves of <paramref name="path"/>. <paramref name="runs"/> and <paramref name="annotations"/> (its run
    /// names and steps) supply what the curves table lacks; <paramref name="deriveFlops"/> ignores a compute column (when N
    /// is counted in another convention than the table's C); <paramref name="paramsColumn"/> names the N column to use
    /// (e.g. <c>non_embedding_params</c>; when the curves lack it, N comes from the runs table). Every bad cell fails naming the file, line and column.
    /// </summary>
    public static IReadOnlyList<TrainingCurve> Load(string path, RunTable? runs = null, RunAnnotations? annotations = null, bool deriveFlops = false,
        string? paramsColumn = null)
    {
        var raw = RawTable.Read(path);
        if (raw.Rows.Count == 0) throw new InputException($"{raw.File}: no data rows");
        int run = raw.IndexOfFirst(RunAliases);
        int loss = raw.IndexOfFirst(RunColumns.LossAliases);
        int tokens = raw.IndexOfCount(RunColumns.TokensAliases);
        int step = raw.IndexOfFirst(RunColumns.StepsAliases);
        // A named N column that the curves lack means "take N from the runs table", not "take any N column here".
        int n = raw.IndexOfCount(paramsColumn is not null ? [paramsColumn] : RunColumns.ParamsAliases);
        int c = deriveFlops ? -1 : raw.IndexOfCount(RunColumns.FlopsAliases);
        // Counts whose header gives a unit ("tokens (B)") are scaled by it.
        double nFactor = Factor(raw, n, "parameters N", compute: false), dFactor = Factor(raw, tokens, "tokens", compute: false), cFactor = Factor(raw, c, "compute C", compute: true);
        string columns = string.Join(", ", raw.Columns);
        if (run < 0) throw new InputException($"{raw.File}: no run column (looked for {string.Join(", ", RunAliases)}; columns are {columns})");
        if (loss < 0) throw new InputException($"{raw.File}: no loss column (looked for {string.Join(", ", RunColumns.LossAliases)}; columns are {columns})");
        if (tokens < 0 && step < 0)
            throw new InputException($"{raw.File}: no tokens or step column (looked for {string.Join(", ", RunColumns.TokensAliases)}, {string.Join(", ", RunColumns.StepsAliases)}; columns are {columns})");

        // The runs table's row of each named run.
        var rowOf = new Dictionary<string, int>(StringComparer.Ordinal);
        if (runs is not null && annotations?.Run is { } names)
            for (int i = 0; i < names.Count; i++)
                if (names[i] is { } name) rowOf.TryAdd(name, i);

        var curves = new List<TrainingCurve>();
        foreach (var group in Enumerable.Range(0, raw.Rows.Count).GroupBy(r => raw.Rows[r][run] ?? ""))
        {
            var rows = group.ToList();
            string name = group.Key;
            int? runRow = rowOf.TryGetValue(name, out int found) ? found : null;
            if (name.Length == 0) throw new InputException($"{raw.File} line {raw.Lines[rows[0]]}, column '{raw.Columns[run]}': missing run name");
            double? runParams = runRow is { } rr && runs!.Params is { } np ? np[rr] : null;
            double TokensPerStep()
            {
                // The run's own batch in tokens: its tokens over its steps, from the runs table where it says both.
                if (runRow is { } r && runs!.Tokens is { } d && annotations!.Steps?[r] is { } s && s > 0) return d[r] / s;
                double lastStep = rows.Max(i => raw.ParseNumber(i, step, "step", requirePositive: true));
                if (runRow is { } r2 && runs!.Tokens is { } d2) return d2[r2] / lastStep;
                throw new InputException($"{raw.File}: run '{name}' logs steps but no tokens, and no runs table gives its tokens (add a tokens column, or give the runs table with a run column)");
            }
            double? perStep = tokens < 0 ? TokensPerStep() : null;
            curves.Add(TrainingCurve.FromPoints(name, rows.Select(i =>
            {
                double size = n >= 0
                    ? nFactor * raw.ParseNumber(i, n, "parameters N", requirePositive: true)
                    : runParams ?? throw new InputException($"{raw.File} line {raw.Lines[i]}: run '{name}' has no parameter count (no N column here, and no runs-table row named '{name}')");
                double seen = tokens >= 0 ? dFactor * raw.ParseNumber(i, tokens, "tokens", requirePositive: true) : raw.ParseNumber(i, step, "step", requirePositive: true) * perStep!.Value;
                double? flops = c >= 0 ? cFactor * raw.ParseNumber(i, c, "compute C", requirePositive: true)
                    : runRow is { } r && runs!.Flops is { } cr && runs.Tokens is { } dr && n < 0 ? cr[r] * seen / dr[r] : null;
                return (Params: size, Tokens: seen, Flops: flops, Loss: raw.ParseNumber(i, loss, "loss", requirePositive: true));
            })));
        }
        return curves;
    }

    private static double Factor(RawTable raw, int col, string meaning, bool compute) =>
        col < 0 ? 1 : ColumnUnit.Of(raw, col, meaning, compute).Factor;
}
