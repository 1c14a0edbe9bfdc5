using ScaleSim.Runs;

namespace ScaleSim.Tasks.Published;

/// <summary>
/// Wei et al. (2022), "Emergent Abilities of Large Language Models", Table 1: for each ability, the training FLOPs
/// and parameters at which it emerged and in which model family. It gives those scales, not the curves behind them.
/// </summary>
public static class EmergentAbilities
{
    /// <summary>The file in data/.</summary>
    public const string File = "wei2022_emergent_abilities_table1.csv";

    /// <summary>Parses the table (columns category, ability, emergence_train_flops, emergence_params, model, reference).</summary>
    public static IReadOnlyList<EmergenceScale> Parse(string text, string file = File)
    {
        var raw = RawTable.ParseDelimited(text, ',', file);
        int Column(string name) => raw.IndexOf(name) is >= 0 and var i ? i : throw new InputException($"{file}: no column '{name}'");
        int category = Column("category"), ability = Column("ability"), flops = Column("emergence_train_flops"),
            parameters = Column("emergence_params"), model = Column("model"), reference = Column("reference");
        return Enumerable.Range(0, raw.Rows.Count).Select(r => new EmergenceScale(
            raw.Rows[r][category] ?? "", raw.Rows[r][ability] ?? "",
            raw.ParseNumber(r, flops, "training FLOPs", requirePositive: true), raw.ParseNumber(r, parameters, "parameters", requirePositive: true),
            raw.Rows[r][model] ?? "", raw.Rows[r][reference] ?? "")).ToList();
    }
}
