namespace ScaleSim.Training.Sweeps;

/// <summary>
/// An experiment laid out by compute budget: at each budget, sizes spread around the budget's expected optimum, each
/// trained on the tokens the budget leaves it (IsoFLOP profiles, Hoffmann et al. 2022, Approach 2). The IsoFLOP
/// experiment and the Kaplan-to-Chinchilla ladder share this design.
/// </summary>
public abstract record BudgetedExperiment : ExperimentDefinition
{
    /// <summary>Compute budgets C in FLOPs under <see cref="ExperimentDefinition.FlopModel"/> (a ladder's are 6nd: all parameters).</summary>
    public double[] Budgets { get; init; } = [];

    /// <summary>Sizes trained per budget (before widths that round to the same model are merged).</summary>
    public int SizesPerBudget { get; init; } = 7;

    /// <summary>Ratio of the largest to the smallest target size at each budget.</summary>
    public double SizeSpan { get; init; } = 10;

    /// <summary>Where each budget's optimum is expected (in the parameter count the sizes are placed by).</summary>
    public OptimumPrior PriorOptimum { get; init; } = new();

    /// <summary>
    /// Checks the budgets, sizes and prior; <paramref name="minimumBudgets"/> and <paramref name="why"/> say how many
    /// budgets the kind needs and why.
    /// </summary>
    protected void ValidateBudgets(string source, int minimumBudgets, string why)
    {
        if (Budgets is null || Budgets.Length < minimumBudgets) throw new InputException($"{source}: budgets must list {why}");
        foreach (var c in Budgets)
            if (!(c > 0) || !double.IsFinite(c)) throw new InputException($"{source}: budgets must be positive FLOPs, got {c}");
        if (Budgets.Distinct().Count() != Budgets.Length) throw new InputException($"{source}: budgets must be distinct");
        if (SizesPerBudget < 3) throw new InputException($"{source}: sizes_per_budget must be at least 3 (a parabola needs three sizes), got {SizesPerBudget}");
        if (!(SizeSpan > 1)) throw new InputException($"{source}: size_span must exceed 1, got {SizeSpan}");
        PriorOptimum.Validate(source);
    }
}
