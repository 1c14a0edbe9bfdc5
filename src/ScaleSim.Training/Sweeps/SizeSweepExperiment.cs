using ScaleSim.Training.Model;

namespace ScaleSim.Training.Sweeps;

/// <summary>
/// A size sweep: one run per width and seed, every run on the same number of tokens (<see cref="TokensPerRun"/>) or on
/// the same number of tokens per parameter (<see cref="TokensPerParam"/>) — scores against model size, the task curves
/// of Wei et al. (2022).
/// </summary>
public sealed record SizeSweepExperiment : ExperimentDefinition
{
    /// <summary>d_model of each run.</summary>
    public int[] Widths { get; init; } = [];

    /// <summary>Training tokens of every run (give this or <see cref="TokensPerParam"/>).</summary>
    public double TokensPerRun { get; init; }

    /// <summary>
    /// Training tokens per parameter (all parameters, embeddings included), the same for every run, so that the tokens
    /// grow with the model as in a compute-optimal family (give this or <see cref="TokensPerRun"/>).
    /// </summary>
    public double? TokensPerParam { get; init; }

    /// <summary>The training tokens of <paramref name="model"/>'s runs.</summary>
    public double TokensFor(TinyGpt model) => TokensPerParam is { } perParam ? perParam * model.Parameters : TokensPerRun;

    /// <inheritdoc />
    public override void Validate(string source)
    {
        if (Widths is null || Widths.Length < 3) throw new InputException($"{source}: widths must list at least 3 model widths, got {Widths?.Length ?? 0}");
        foreach (int w in Widths)
            if (w <= 0) throw new InputException($"{source}: widths must be positive, got {w}");
        if (Widths.Distinct().Count() != Widths.Length) throw new InputException($"{source}: widths must be distinct");
        if (TokensPerParam is { } perParam)
        {
            if (TokensPerRun != 0) throw new InputException($"{source}: give tokens_per_run or tokens_per_param, not both");
            if (!(perParam > 0) || !double.IsFinite(perParam)) throw new InputException($"{source}: tokens_per_param must be a positive number, got {perParam}");
        }
        else if (!(TokensPerRun >= 1) || !double.IsFinite(TokensPerRun))
            throw new InputException($"{source}: a size sweep needs tokens_per_run (a positive token count) or tokens_per_param");
        base.Validate(source);
    }
}
