using ScaleSim.Runs;

namespace ScaleSim.Tasks.Published;

/// <summary>
/// Li et al. (2022), Table 1, as quoted in the seed article: accuracy (%) of greedy decoding, self-consistency and
/// DIVERSE for five models on eight reasoning sets, beside the fine-tuned prior state of the art. Empty cells are
/// results the table does not give.
/// </summary>
public static class ReasoningMethods
{
    /// <summary>The file in data/.</summary>
    public const string File = "reasoning_methods_diverse2022.csv";

    /// <summary>The method every uplift is measured from.</summary>
    public const string Greedy = "Greedy Decode";

    /// <summary>Parses the table: columns model, method, then one per dataset.</summary>
    public static IReadOnlyList<ReasoningResult> Parse(string text, string file = File)
    {
        var raw = RawTable.ParseDelimited(text, ',', file);
        int model = raw.IndexOf("model"), method = raw.IndexOf("method");
        if (model < 0 || method < 0) throw new InputException($"{file}: expected columns model and method");
        var results = new List<ReasoningResult>();
        for (int r = 0; r < raw.Rows.Count; r++)
            for (int c = 0; c < raw.Columns.Count; c++)
            {
                if (c == model || c == method || string.IsNullOrWhiteSpace(raw.Rows[r][c])) continue;
                double accuracy = raw.ParseNumber(r, c, "accuracy (%)", requirePositive: false);
                if (accuracy is < 0 or > 100) throw new InputException($"{file} line {raw.Lines[r]}, column '{raw.Columns[c]}': accuracy {accuracy} is outside [0, 100]");
                results.Add(new ReasoningResult(raw.Rows[r][model]!, raw.Rows[r][method]!, raw.Columns[c], accuracy));
            }
        return results;
    }

    /// <summary>Every (model, method, set) with both a greedy and a method result: what the method adds over greedy.</summary>
    public static IReadOnlyList<MethodUplift> Uplifts(IReadOnlyList<ReasoningResult> results)
    {
        var greedy = results.Where(r => r.Method == Greedy).ToDictionary(r => (r.Model, r.Dataset), r => r.Accuracy);
        return results.Where(r => r.Method != Greedy && greedy.ContainsKey((r.Model, r.Dataset)))
            .Select(r => new MethodUplift(r.Model, r.Method, r.Dataset, greedy[(r.Model, r.Dataset)], r.Accuracy))
            .ToList();
    }
}
