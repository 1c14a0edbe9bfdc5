namespace ScaleSim.Training.Sweeps;

/// <summary>
/// A size sweep: one run per width and seed, every run on the same number of tokens — scores against model size,
/// the task curves of Wei et al. (2022).
/// </summary>
public sealed record SizeSweepExperiment : ExperimentDefinition
{
    /// <summary>d_model of each run.</summary>
    public int[] Widths { get; init; } = [];

    /// <summary>Training tokens of every run.</summary>
    public double TokensPerRun { get; init; }

    /// <inheritdoc />
    public override void Validate(string source)
    {
        if (Widths is null || Widths.Length < 3) throw new InputException($"{source}: widths must list at least 3 model widths, got {Widths?.Length ?? 0}");
        foreach (int w in Widths)
            if (w <= 0) throw new InputException($"{source}: widths must be positive, got {w}");
        if (Widths.Distinct().Count() != Widths.Length) throw new InputException($"{source}: widths must be distinct");
        if (!(TokensPerRun >= 1) || !double.IsFinite(TokensPerRun)) throw new InputException($"{source}: a size sweep needs tokens_per_run, a positive token count");
        base.Validate(source);
    }
}
