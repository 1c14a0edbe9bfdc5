using Microsoft.Data.Analysis;
using ScaleSim.Analysis;
using ScaleSim.Flops;

namespace ScaleSim.Runs;

/// <summary>
/// Loads runs from CSV, TSV or JSON Lines into a <see cref="RunTable"/>. Every bad cell in a used column fails with
/// one line naming the file, line and column; a missing one of N, D, C is derived from the other two.
/// </summary>
public static class RunTableLoader
{
    /// <summary>Reads and validates a runs file.</summary>
    /// <param name="path">CSV, TSV or JSON Lines file.</param>
    /// <param name="columns">Column mapping; defaults look for the usual names.</param>
    /// <param name="flopModel">How to derive a missing C (or N, or D) from the other two; 6ND by default. Only models
    /// that need nothing but N are accepted here, since a runs table has no shapes.</param>
    public static RunTable Load(string path, RunColumns? columns = null, IFlopModel? flopModel = null) =>
        FromRaw(RawTable.Read(path), columns, flopModel);

    /// <summary>Validates an already-read table.</summary>
    public static RunTable FromRaw(RawTable raw, RunColumns? columns = null, IFlopModel? flopModel = null)
    {
        columns ??= new RunColumns();
        flopModel ??= FlopModels.SixN;
        if (raw.Rows.Count == 0) throw new InputException($"{raw.File}: no data rows");

        int nCol = Find(raw, columns.Params, RunColumns.ParamsAliases, "params_column");
        int dCol = Find(raw, columns.Tokens, RunColumns.TokensAliases, "tokens_column");
        int cCol = columns.DeriveFlops ? -1 : Find(raw, columns.Flops, RunColumns.FlopsAliases, "flops_column");
        int lossCol = Find(raw, columns.Loss, RunColumns.LossAliases, "loss_column");
        int uniqueCol = Find(raw, columns.UniqueTokens, RunColumns.UniqueTokensAliases, "unique_tokens_column");
        if (lossCol < 0)
            throw InputException.About($"{raw.File}: no loss column (looked for {string.Join(", ", RunColumns.LossAliases)}); name it with {InputName.Of("loss_column")} COLUMN");

        var notes = new List<string>();
        double[]? n = nCol >= 0 ? Counts(raw, nCol, "parameters N", compute: false, notes) : null;
        double[]? d = dCol >= 0 ? Counts(raw, dCol, "tokens D", compute: false, notes) : null;
        double[]? c = cCol >= 0 ? Counts(raw, cCol, "compute C", compute: true, notes) : null;
        double[] loss = raw.PositiveColumn(lossCol, "loss");
        double[]? unique = uniqueCol >= 0 ? Counts(raw, uniqueCol, "unique tokens U", compute: false, notes) : null;

        string? derived = null;
        if (n is not null && d is not null && c is null)
        {
            c = n.Zip(d, (ni, di) => flopModel.TrainingFlopsPerToken(ModelSize.FromParameters(ni)) * di).ToArray();
            derived = "C";
        }
        else if (n is not null && c is not null && d is null)
        {
            d = n.Zip(c, (ni, ci) => ci / flopModel.TrainingFlopsPerToken(ModelSize.FromParameters(ni))).ToArray();
            derived = "D";
        }
        else if (d is not null && c is not null && n is null)
        {
            // Only linear-in-N conventions can be inverted without a shape; 6ND is the one a runs table can use.
            if (flopModel is not SixNFlops)
                throw new InputException($"{raw.File}: cannot derive N from D and C with FLOP model '{flopModel.Name}'; give an N column");
            n = d.Zip(c, (di, ci) => ci / (6.0 * di)).ToArray();
            derived = "N";
        }

        var used = new[] { nCol, dCol, cCol, lossCol, uniqueCol };
        var frame = new DataFrame();
        if (n is not null) frame.Columns.Add(new DoubleDataFrameColumn("N", n));
        if (d is not null) frame.Columns.Add(new DoubleDataFrameColumn("D", d));
        if (c is not null) frame.Columns.Add(new DoubleDataFrameColumn("C", c));
        frame.Columns.Add(new DoubleDataFrameColumn("loss", loss));
        if (unique is not null) frame.Columns.Add(new DoubleDataFrameColumn("U", unique));
        for (int col = 0; col < raw.Columns.Count; col++)
        {
            if (used.Contains(col)) continue;
            string name = raw.Columns[col];
            if (frame.Columns.IndexOf(name) >= 0) name += "_original";
            frame.Columns.Add(ExtraColumn(raw, col, name));
        }

        var warnings = notes.Concat(FindDuplicates(raw, n, d, c, loss)).ToList();
        warnings.AddRange(FindConflicts(raw, n, d, loss, RunAnnotations.Seeds(frame)));
        return new RunTable(raw.File, frame, n, d, c, loss, raw.Lines.ToArray(), warnings, derived, unique);
    }

    private static int Find(RawTable raw, string? requested, string[] aliases, string parameter)
    {
        if (requested is not null)
        {
            int i = raw.IndexOfCount([requested]);
            if (i < 0) throw InputException.About($"{raw.File}: no column '{requested}' (given by {InputName.Of(parameter)}); columns are {string.Join(", ", raw.Columns)}");
            return i;
        }
        return raw.IndexOfCount(aliases);
    }

    /// <summary>
    /// A column of positive counts, scaled by the unit its header gives ("Params (B)": × 1e9; "Compute (PF-days)":
    /// × 8.64e19), with a note of the conversion; a unit of compute on a column that is not compute is refused.
    /// </summary>
    private static double[] Counts(RawTable raw, int col, string meaning, bool compute, List<string> notes)
    {
        var values = raw.PositiveColumn(col, meaning);
        var unit = ColumnUnit.Of(raw, col, meaning, compute);
        if (unit.Factor == 1) return values;
        notes.AddRange(unit.Notes(raw, col, meaning));
        return values.Select(v => v * unit.Factor).ToArray();
    }

    private static DataFrameColumn ExtraColumn(RawTable raw, int col, string name)
    {
        var values = new double?[raw.Rows.Count];
        bool numeric = true;
        for (int r = 0; r < raw.Rows.Count && numeric; r++)
        {
            string? cell = raw.Rows[r][col];
            if (string.IsNullOrEmpty(cell)) { values[r] = null; continue; }
            numeric = double.TryParse(cell, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double v);
            values[r] = v;
        }
        return numeric
            ? new DoubleDataFrameColumn(name, values)
            : new StringDataFrameColumn(name, raw.Rows.Select(row => row[col]));
    }

    /// <summary>
    /// Two runs with the same N and D whose losses differ by more than this factor are not seeds of one configuration
    /// (those differ by about 1%): the table likely mixes experiments, units or loss definitions.
    /// </summary>
    public const double ConflictingLossRatio = 1.1;

    /// <summary>How many conflicting pairs are named one by one before the rest are counted.</summary>
    private const int ConflictsNamed = 5;

    /// <summary>
    /// Rows with the same N and D (to 6 significant digits in log) whose losses differ by more than
    /// <see cref="ConflictingLossRatio"/>: per such configuration, the lowest and the highest loss.
    /// </summary>
    private static IEnumerable<string> FindConflicts(RawTable raw, double[]? n, double[]? d, double[] loss, IReadOnlyList<string?>? seeds)
    {
        if (n is null || d is null) yield break;
        var conflicts = Enumerable.Range(0, loss.Length)
            .GroupBy(r => (Math.Round(Math.Log(n[r]) * 1e6), Math.Round(Math.Log(d[r]) * 1e6)))
            .Select(g => (Low: g.MinBy(r => loss[r]), High: g.MaxBy(r => loss[r])))
            .Where(p => loss[p.High] > ConflictingLossRatio * loss[p.Low])
            .OrderBy(p => Math.Min(p.Low, p.High))
            .ToList();
        foreach (var (low, high) in conflicts.Take(ConflictsNamed))
        {
            var (first, second) = low < high ? (low, high) : (high, low);
            string where = $"{raw.File} lines {raw.Lines[first]} and {raw.Lines[second]}";
            // A seed column that tells the two rows apart makes them one configuration's seeds, not two experiments.
            if (seeds?[first] is { } s1 && seeds[second] is { } s2 && s1 != s2)
                yield return $"{where}: seeds {s1} and {s2} of the same N and D, loss {loss[first]:G3} and {loss[second]:G3}: " +
                    $"seeds usually differ by about 1%, so one of them may have stalled or diverged";
            else
                yield return $"{where}: same N and D, loss {loss[first]:G3} and {loss[second]:G3}: does the table mix experiments?";
        }
        if (conflicts.Count > ConflictsNamed)
            yield return $"{raw.File}: {conflicts.Count - ConflictsNamed} more pairs of rows with the same N and D and losses more than {ConflictingLossRatio - 1:0%} apart";
    }

    private static List<string> FindDuplicates(RawTable raw, double[]? n, double[]? d, double[]? c, double[] loss)
    {
        var warnings = new List<string>();
        var firstSeen = new Dictionary<(double, double, double, double), int>();
        for (int r = 0; r < loss.Length; r++)
        {
            var key = (n?[r] ?? 0, d?[r] ?? 0, c?[r] ?? 0, loss[r]);
            if (firstSeen.TryGetValue(key, out int first))
                warnings.Add($"{raw.File} line {raw.Lines[r]} duplicates line {raw.Lines[first]}");
            else
                firstSeen[key] = r;
        }
        return warnings;
    }
}
