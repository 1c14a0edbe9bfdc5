namespace ScaleSim.Analysis;

/// <summary>
/// How the runs were grouped into IsoFLOP budgets and what was left over: the report a user needs to check that the
/// budgets found are the budgets they ran.
/// </summary>
/// <param name="Column">The budget column the groups came from, or null when runs were grouped by their compute.</param>
/// <param name="Tolerance">The tolerance of grouping by compute (a fraction), or null when a column gave the budgets.</param>
/// <param name="Budgets">How many budgets were found (groups of at least two runs).</param>
/// <param name="Profiles">How many of them are IsoFLOP profiles (three sizes or more, compute within a factor of 2).</param>
/// <param name="UnassignedRows">The runs that fit no budget, as rows of the runs table.</param>
public sealed record BudgetGrouping(string? Column, double? Tolerance, int Budgets, int Profiles, IReadOnlyList<int> UnassignedRows)
{
    /// <summary>The default tolerance of grouping by compute: runs of one budget agree to within 5%.</summary>
    public const double DefaultTolerance = 0.05;

    /// <summary>The rule in words, e.g. "the budget column 'budget'" or "compute within 5% of a common budget".</summary>
    public string Rule => Column is { } c
        ? $"the budget column '{c}'"
        : $"compute within {Tolerance:0.###%} of a common budget";
}
