using Microsoft.Data.Analysis;
using ScaleSim.Runs;

namespace ScaleSim.Analysis;

/// <summary>
/// What a runs table may say about each run beyond N, D, C and loss, and what the analysis does with it: the run's
/// name (to match its training curve), its IsoFLOP budget (to group runs by budget rather than by nearby compute),
/// its optimizer steps (to leave out step-starved runs) and the source's exact loss floor (reported beside the fitted
/// E), and its seed (runs of one size that differ only in their seed are what the stratified seed bootstrap resamples,
/// <see cref="SeedResampling"/>). A list is null when the table has no such column.
/// </summary>
/// <param name="Run">Run names.</param>
/// <param name="Budget">IsoFLOP budgets in FLOPs (null for a run in no budget).</param>
/// <param name="Steps">Optimizer steps.</param>
/// <param name="EntropyFloor">The exact irreducible loss of each run's validation data.</param>
/// <param name="Seed">Each run's seed (its initial weights and data order), as written.</param>
public sealed record RunAnnotations(
    IReadOnlyList<string?>? Run = null,
    IReadOnlyList<double?>? Budget = null,
    IReadOnlyList<double?>? Steps = null,
    IReadOnlyList<double?>? EntropyFloor = null,
    IReadOnlyList<string?>? Seed = null)
{
    /// <summary>The column names a runs file uses for them (the columns of a ScaleSim sweep's runs.csv).</summary>
    public static class Columns
    {
        /// <summary>Run names.</summary>
        public const string Run = "run";

        /// <summary>IsoFLOP budgets.</summary>
        public const string Budget = "budget";

        /// <summary>Optimizer steps.</summary>
        public const string Steps = "steps";

        /// <summary>The exact loss floor.</summary>
        public const string EntropyFloor = "entropy_floor";

        /// <summary>Seeds.</summary>
        public const string Seed = "seed";
    }

    /// <summary>Names tried for the IsoFLOP budget when no column is named (case-insensitive).</summary>
    public static readonly string[] BudgetAliases = [Columns.Budget, "C_budget", "flops_budget"];

    /// <summary>The column the budgets were read from, or null when the table has none.</summary>
    public string? BudgetColumn { get; init; }

    /// <summary>
    /// Reads the annotations from a loaded table's extra columns, where present. The budgets come from
    /// <paramref name="budgetColumn"/> when given (it must exist), otherwise from the first of
    /// <see cref="BudgetAliases"/> the table has; every budget must be a positive number or empty (a run in no budget).
    /// </summary>
    public static RunAnnotations FromColumns(RunTable runs, string? budgetColumn = null)
    {
        var frame = runs.Frame;
        int IndexOf(string name) => ColumnIndex(frame, name);
        IReadOnlyList<T?>? Read<T>(string name, Func<object?, T?> convert) => ReadColumn(frame, name, convert);
        int budget = budgetColumn is null ? BudgetAliases.Select(IndexOf).FirstOrDefault(i => i >= 0, -1) : IndexOf(budgetColumn);
        if (budgetColumn is not null && budget < 0)
            throw InputException.About($"{runs.Source}: no column '{budgetColumn}' (given by {InputName.Of("budget_column")}); columns are {string.Join(", ", frame.Columns.Select(c => c.Name))}");
        return new RunAnnotations(
            Read(Columns.Run, v => v?.ToString()),
            budget < 0 ? null : Budgets(runs, budget),
            Read(Columns.Steps, v => v as double?),
            Read(Columns.EntropyFloor, v => v as double?),
            Seeds(frame))
        { BudgetColumn = budget < 0 ? null : frame.Columns[budget].Name };
    }

    /// <summary>The seed column's cells as seed identities (0 and 0.0 are one seed), or null when the frame has no seed column.</summary>
    internal static IReadOnlyList<string?>? Seeds(DataFrame frame) => ReadColumn(frame, Columns.Seed, SeedText);

    private static int ColumnIndex(DataFrame frame, string name)
    {
        for (int c = 0; c < frame.Columns.Count; c++)
            if (string.Equals(frame.Columns[c].Name, name, StringComparison.OrdinalIgnoreCase)) return c;
        return -1;
    }

    private static IReadOnlyList<T?>? ReadColumn<T>(DataFrame frame, string name, Func<object?, T?> convert)
    {
        int column = ColumnIndex(frame, name);
        return column < 0 ? null : Enumerable.Range(0, (int)frame.Rows.Count).Select(i => convert(frame.Columns[column][i])).ToList();
    }

    // A seed column reads as numbers; 0 and 0.0 are one seed.
    private static string? SeedText(object? cell) => cell switch
    {
        null => null,
        double d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        _ => cell.ToString() is { Length: > 0 } text ? text : null,
    };

    private static List<double?> Budgets(RunTable runs, int column)
    {
        var values = runs.Frame.Columns[column];
        var budgets = new List<double?>(runs.Count);
        for (int i = 0; i < runs.Count; i++)
        {
            object? cell = values[i];
            double? budget = cell switch
            {
                null => null,
                double d => d,
                string s when string.IsNullOrWhiteSpace(s) => null,
                string s when double.TryParse(s, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double parsed) => parsed,
                _ => double.NaN,
            };
            if (budget is { } b && !(double.IsFinite(b) && b > 0))
                throw new InputException($"{runs.Source} line {runs.Lines[i]}, column '{values.Name}' (IsoFLOP budget): '{cell}' is not a positive number of FLOPs");
            budgets.Add(budget);
        }
        return budgets;
    }

    /// <summary>The annotations of the chosen rows, in the given order.</summary>
    public RunAnnotations Select(IReadOnlyList<int> rows)
    {
        return new(Pick(Run), Pick(Budget), Pick(Steps), Pick(EntropyFloor), Pick(Seed)) { BudgetColumn = BudgetColumn };

        IReadOnlyList<T>? Pick<T>(IReadOnlyList<T>? values) => values is null ? null : rows.Select(r => values[r]).ToList();
    }
}
