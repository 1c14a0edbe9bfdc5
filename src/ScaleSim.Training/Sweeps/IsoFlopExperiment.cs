namespace ScaleSim.Training.Sweeps;

/// <summary>
/// An IsoFLOP experiment: at each compute budget, sizes spread around the budget's expected optimum, each trained on
/// the tokens the budget leaves it (Hoffmann et al. 2022, Approach 2); optionally extra schedule horizons per size for
/// Approach 1.
/// </summary>
public sealed record IsoFlopExperiment : ExperimentDefinition
{
    /// <summary>Compute budgets C in FLOPs under <see cref="ExperimentDefinition.FlopModel"/>.</summary>
    public double[] Budgets { get; init; } = [];

    /// <summary>Sizes trained per budget (before widths that round to the same model are merged).</summary>
    public int SizesPerBudget { get; init; } = 7;

    /// <summary>Ratio of the largest to the smallest target size at each budget.</summary>
    public double SizeSpan { get; init; } = 10;

    /// <summary>Where each budget's optimum is expected.</summary>
    public OptimumPrior PriorOptimum { get; init; } = new();

    /// <summary>
    /// Cosine horizons per size for Approach 1, counting the IsoFLOP runs the size already has; extra runs fill in
    /// horizons spanning <see cref="HorizonSpan"/> (Hoffmann et al. 2022 used 4 spanning 16×). 1 adds none.
    /// </summary>
    public int Horizons { get; init; } = 1;

    /// <summary>Ratio of the longest to the shortest horizon of a size.</summary>
    public double HorizonSpan { get; init; } = 16;

    /// <summary>What the report checks the analysis against.</summary>
    public ExperimentTargets Targets { get; init; } = new();

    /// <inheritdoc />
    public override void Validate(string source)
    {
        if (Budgets is null || Budgets.Length == 0) throw new InputException($"{source}: budgets must list at least one compute budget");
        foreach (var c in Budgets)
            if (!(c > 0) || !double.IsFinite(c)) throw new InputException($"{source}: budgets must be positive FLOPs, got {c}");
        if (Budgets.Distinct().Count() != Budgets.Length) throw new InputException($"{source}: budgets must be distinct");
        if (SizesPerBudget < 3) throw new InputException($"{source}: sizes_per_budget must be at least 3 (a parabola needs three sizes), got {SizesPerBudget}");
        if (!(SizeSpan > 1)) throw new InputException($"{source}: size_span must exceed 1, got {SizeSpan}");
        if (Horizons < 1) throw new InputException($"{source}: horizons must be at least 1, got {Horizons}");
        if (!(HorizonSpan > 1)) throw new InputException($"{source}: horizon_span must exceed 1, got {HorizonSpan}");
        base.Validate(source);
        PriorOptimum.Validate(source);
        Targets.Validate(source);
    }
}
