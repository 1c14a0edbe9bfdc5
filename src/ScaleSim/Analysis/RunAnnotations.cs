using ScaleSim.Runs;

namespace ScaleSim.Analysis;

/// <summary>
/// What a runs table may say about each run beyond N, D, C and loss, and what the analysis does with it: the run's
/// name (to match its training curve), its IsoFLOP budget (to group runs by budget rather than by nearby compute),
/// its optimizer steps (to leave out step-starved runs) and the source's exact loss floor (reported beside the fitted
/// E). A list is null when the table has no such column.
/// </summary>
/// <param name="Run">Run names.</param>
/// <param name="Budget">IsoFLOP budgets in FLOPs (null for a run in no budget).</param>
/// <param name="Steps">Optimizer steps.</param>
/// <param name="EntropyFloor">The exact irreducible loss of each run's validation data.</param>
public sealed record RunAnnotations(
    IReadOnlyList<string?>? Run = null,
    IReadOnlyList<double?>? Budget = null,
    IReadOnlyList<double?>? Steps = null,
    IReadOnlyList<double?>? EntropyFloor = null)
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
    }

    /// <summary>Reads the annotations from a loaded table's extra columns, where present.</summary>
    public static RunAnnotations FromColumns(RunTable runs)
    {
        var frame = runs.Frame;
        IReadOnlyList<T?>? Read<T>(string name, Func<object?, T?> convert)
        {
            int column = frame.Columns.IndexOf(name);
            return column < 0 ? null : Enumerable.Range(0, runs.Count).Select(i => convert(frame.Columns[column][i])).ToList();
        }
        return new RunAnnotations(
            Read(Columns.Run, v => v?.ToString()),
            Read(Columns.Budget, v => v as double?),
            Read(Columns.Steps, v => v as double?),
            Read(Columns.EntropyFloor, v => v as double?));
    }

    /// <summary>The annotations of the chosen rows, in the given order.</summary>
    public RunAnnotations Select(IReadOnlyList<int> rows)
    {
        return new(Pick(Run), Pick(Budget), Pick(Steps), Pick(EntropyFloor));

        IReadOnlyList<T>? Pick<T>(IReadOnlyList<T>? values) => values is null ? null : rows.Select(r => values[r]).ToList();
    }
}
