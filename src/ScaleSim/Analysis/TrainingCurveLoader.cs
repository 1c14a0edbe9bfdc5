using ScaleSim.Runs;

namespace ScaleSim.Analysis;

/// <summary>
/// Reads training curves from a long table, one row per evaluation: a run name, the run's parameter count, tokens seen,
/// compute spent (derived as 6ND when absent) and loss. <c>scalesim sweep run</c> writes such a <c>curves.csv</c>.
/// </summary>
public static class TrainingCurveLoader
{
    /// <summary>Loads and groups the curves; <paramref name="paramsColumn"/> picks the parameter convention.</summary>
    public static IReadOnlyList<TrainingCurve> Load(string path, string paramsColumn = "params", string lossColumn = "loss", bool deriveFlops = false)
    {
        var raw = RawTable.Read(path);
        int run = Require(raw, "run"), n = Require(raw, paramsColumn), d = Require(raw, "tokens"), loss = Require(raw, lossColumn);
        int c = deriveFlops ? -1 : raw.IndexOf("flops");
        var rows = Enumerable.Range(0, raw.Rows.Count).GroupBy(r => raw.Rows[r][run] ?? "");
        var curves = new List<TrainingCurve>();
        foreach (var group in rows)
        {
            curves.Add(TrainingCurve.FromPoints(group.Key, group.Select(r =>
            (
                Params: raw.ParseNumber(r, n, "parameters", requirePositive: true),
                Tokens: raw.ParseNumber(r, d, "tokens", requirePositive: true),
                Flops: c >= 0 ? raw.ParseNumber(r, c, "flops", requirePositive: true) : (double?)null,
                Loss: raw.ParseNumber(r, loss, "loss", requirePositive: true)
            ))));
        }
        return curves;
    }

    private static int Require(RawTable raw, string column)
    {
        int i = raw.IndexOf(column);
        if (i < 0) throw new InputException($"{raw.File}: no column '{column}' (columns are {string.Join(", ", raw.Columns)})");
        return i;
    }
}
