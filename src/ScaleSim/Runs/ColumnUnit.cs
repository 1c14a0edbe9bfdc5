using System.Globalization;
using System.Text.RegularExpressions;

namespace ScaleSim.Runs;

/// <summary>
/// A unit written at the end of a column's header in brackets, as papers' tables have them: <c>Params (B)</c>,
/// <c>Tokens [T]</c>, <c>Compute (PF-days)</c>. It gives the factor that turns the column's values into plain counts
/// (parameters, tokens, FLOPs). A bracketed word that is not a known unit (<c>Params (non-embedding)</c>) is not one.
/// </summary>
/// <param name="Name">The header without its unit (<c>Params</c>), or the whole header when it has none.</param>
/// <param name="Unit">The unit as written (<c>B</c>), or null.</param>
/// <param name="Factor">What each value is multiplied by (1e9 for B; 1 without a unit).</param>
/// <param name="IsCompute">Whether the unit is one of compute (PF-days), which only a FLOPs column may carry.</param>
public sealed partial record ColumnUnit(string Name, string? Unit, double Factor, bool IsCompute)
{
    private const double PfDay = Laws.PublishedLaws.FlopsPerPetaflopDay;

    private static readonly Dictionary<string, (double Factor, bool Compute)> Units = new(StringComparer.Ordinal)
    {
        ["k"] = (1e3, false), ["thousand"] = (1e3, false), ["thousands"] = (1e3, false),
        ["m"] = (1e6, false), ["mil"] = (1e6, false), ["million"] = (1e6, false), ["millions"] = (1e6, false),
        ["b"] = (1e9, false), ["bn"] = (1e9, false), ["g"] = (1e9, false), ["billion"] = (1e9, false), ["billions"] = (1e9, false),
        ["t"] = (1e12, false), ["trillion"] = (1e12, false), ["trillions"] = (1e12, false),
        ["pfdays"] = (PfDay, true), ["pfday"] = (PfDay, true), ["pfsdays"] = (PfDay, true), ["pfsday"] = (PfDay, true),
        ["pflopsdays"] = (PfDay, true), ["pflopsday"] = (PfDay, true), ["petaflopsdays"] = (PfDay, true), ["petaflopdays"] = (PfDay, true),
        ["flops"] = (1, true), ["flop"] = (1, true),
        ["count"] = (1, false), ["params"] = (1, false), ["parameters"] = (1, false), ["tokens"] = (1, false),
    };

    /// <summary>Reads the unit at the end of <paramref name="header"/>, if it has one.</summary>
    public static ColumnUnit Parse(string header)
    {
        var match = Bracketed().Match(header);
        if (match.Success)
        {
            string unit = match.Groups["unit"].Value;
            string key = string.Concat(unit.Where(char.IsLetterOrDigit)).ToLowerInvariant();
            if (Units.TryGetValue(key, out var known))
                return new ColumnUnit(match.Groups["name"].Value, unit, known.Factor, known.Compute);
        }
        return new ColumnUnit(header, null, 1, false);
    }

    /// <summary>
    /// The unit of column <paramref name="column"/> of <paramref name="raw"/>, which holds <paramref name="meaning"/>;
    /// a unit of compute is refused unless <paramref name="compute"/> says the column is compute.
    /// </summary>
    public static ColumnUnit Of(RawTable raw, int column, string meaning, bool compute)
    {
        var unit = Parse(raw.Columns[column]);
        if (unit.IsCompute && !compute)
            throw new InputException($"{raw.File}: column '{raw.Columns[column]}' holds {meaning}, but {unit.Unit} is a unit of compute");
        return unit;
    }

    /// <summary>
    /// The note a loader gives when the unit scales the column: "file: column 'Params (B)' read as parameters N in B
    /// (× 1e9)"; nothing when the factor is 1.
    /// </summary>
    public IEnumerable<string> Notes(RawTable raw, int column, string meaning)
    {
        if (Factor != 1)
            yield return $"{raw.File}: column '{raw.Columns[column]}' read as {meaning} in {Unit} (× {Factor.ToString("0.###e0", CultureInfo.InvariantCulture)})";
    }

    [GeneratedRegex(@"^(?<name>.*?\S)\s*[\(\[]\s*(?<unit>[^()\[\]]+?)\s*[\)\]]\s*$")]
    private static partial Regex Bracketed();
}
