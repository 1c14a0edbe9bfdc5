using ScaleSim.Runs;

namespace ScaleSim.Analysis;

/// <summary>
/// What <see cref="ScalingAnalysis"/> runs on, after the rules every runs table goes through (<see cref="Prepare"/>).
/// </summary>
/// <param name="Runs">The runs kept.</param>
/// <param name="Curves">Their training curves, when known (only those of kept runs).</param>
/// <param name="Groups">IsoFLOP budgets from a budget column, or null to group runs by compute.</param>
/// <param name="EntropyFloor">The source's exact loss floor, when every run gives one and they agree.</param>
/// <param name="Notes">What the rules left out, for the caller to show.</param>
public sealed record ScalingAnalysisInput(
    RunTable Runs,
    IReadOnlyList<TrainingCurve>? Curves,
    IReadOnlyList<IsoFlopGroup>? Groups,
    double? EntropyFloor,
    IReadOnlyList<string> Notes)
{
    /// <summary>The column the budgets came from (null when runs are to be grouped by their compute).</summary>
    public string? BudgetColumn { get; init; }

    /// <summary>Each kept run's seed, when the table has a seed column (for the stratified seed bootstrap).</summary>
    public IReadOnlyList<string?>? Seeds { get; init; }

    /// <summary>Each kept run's name, when the table has a run column (to find its training curve).</summary>
    public IReadOnlyList<string?>? RunNames { get; init; }

    /// <summary>Each kept run's optimizer steps, when the table has a steps column.</summary>
    public IReadOnlyList<double?>? Steps { get; init; }

    /// <summary>The seed bootstrap's design for these runs, or null when no size was trained with two seeds.</summary>
    public SeedResampling? SeedResampling => SeedResampling.From(Runs, Seeds);

    /// <summary>Runs whose floors differ by more than this factor are not from one source, so no single floor is reported.</summary>
    public const double FloorAgreement = 1.02;

    /// <summary>
    /// Applies the rules: with <paramref name="minSteps"/> above zero, runs that took fewer optimizer steps are left
    /// out (step-starved runs sit on the early plateau; the table must have a steps column); runs with a budget are
    /// grouped by it (runs without one fit no budget; a table without a budget column is grouped by compute later, by
    /// <see cref="ScalingAnalysis.Run(ScalingAnalysisInput, AnalysisOptions?)"/>); curves are kept only for kept runs (matched by run name); the floor is the mean of the runs'
    /// floors when they agree within <see cref="FloorAgreement"/> (each run's validation set has its own exact floor).
    /// </summary>
    public static ScalingAnalysisInput Prepare(RunTable runs, RunAnnotations annotations, IReadOnlyList<TrainingCurve>? curves = null, int minSteps = 0)
    {
        var notes = new List<string>();
        if (minSteps < 0) throw InputException.About($"{InputName.Of("min_steps")} must be non-negative, got {minSteps}");
        if (minSteps > 0)
        {
            if (annotations.Steps is not { } steps) throw InputException.About($"{runs.Source}: {InputName.Of("min_steps")} needs a steps column");
            var keep = Enumerable.Range(0, runs.Count).Where(i => steps[i] is { } s && s >= minSteps).ToArray();
            if (keep.Length < runs.Count) notes.Add($"{runs.Count - keep.Length} run(s) with fewer than {minSteps} optimizer steps left out");
            runs = runs.Select(keep);
            annotations = annotations.Select(keep);
        }
        var groups = annotations.Budget is { } budgets ? IsoFlopGroup.FromBudgets(budgets, runs.RequireFlops()) : null;
        if (curves is not null && annotations.Run is { } names)
        {
            var kept = names.ToHashSet();
            curves = curves.Where(c => kept.Contains(c.Run)).ToList();
        }
        return new ScalingAnalysisInput(runs, curves, groups, Floor(annotations.EntropyFloor), notes)
        {
            BudgetColumn = groups is null ? null : annotations.BudgetColumn ?? RunAnnotations.Columns.Budget,
            Seeds = annotations.Seed,
            RunNames = annotations.Run,
            Steps = annotations.Steps,
        };
    }

    private static double? Floor(IReadOnlyList<double?>? floors)
    {
        var values = floors?.OfType<double>().ToList();
        if (values is null || values.Count == 0 || values.Max() > FloorAgreement * values.Min()) return null;
        return values.Average();
    }
}
