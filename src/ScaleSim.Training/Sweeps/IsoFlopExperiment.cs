namespace ScaleSim.Training.Sweeps;

/// <summary>
/// An IsoFLOP experiment: at each compute budget, sizes spread around the budget's expected optimum, each trained on
/// the tokens the budget leaves it (Hoffmann et al. 2022, Approach 2); optionally extra schedule horizons per size for
/// Approach 1.
/// </summary>
public sealed record IsoFlopExperiment : BudgetedExperiment
{
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
        ValidateBudgets(source, 1, "at least one compute budget");
        if (Horizons < 1) throw new InputException($"{source}: horizons must be at least 1, got {Horizons}");
        if (!(HorizonSpan > 1)) throw new InputException($"{source}: horizon_span must exceed 1, got {HorizonSpan}");
        base.Validate(source);
        Targets.Validate(source);
    }
}
