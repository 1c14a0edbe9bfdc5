namespace ScaleSim.Training.Sweeps;

/// <summary>
/// A training grid: every width at several token counts (as tokens per parameter), learning-rate numerators, batches and
/// schedules, once per seed — to measure what the other experiments assume: whether η = c / d_model transfers across
/// widths, what learning rate a smaller batch needs, and how a warmup-stable-decay branch compares with a cosine run of
/// the same tokens. Runs under the warmup-stable-decay schedule branch from one stem per width, rate, batch and seed.
/// </summary>
public sealed record TrainingGridExperiment : ExperimentDefinition
{
    /// <summary>d_model of each width.</summary>
    public int[] Widths { get; init; } = [];

    /// <summary>Training tokens per parameter (counted in the experiment's convention): D = r·N.</summary>
    public double[] TokensPerParam { get; init; } = [];

    /// <summary>Training tokens, the same at every width (besides <see cref="TokensPerParam"/>).</summary>
    public double[] Tokens { get; init; } = [];

    /// <summary>The numerators c of η = c / d_model tried; empty for the experiment's one.</summary>
    public double[] LearningRateNumerators { get; init; } = [];

    /// <summary>The batches tried, in sequences; empty for the batch rule's batch at each run's tokens.</summary>
    public int[] Batches { get; init; } = [];

    /// <summary>The schedules tried; empty for the experiment's schedule.</summary>
    public ScheduleKind[] Schedules { get; init; } = [];

    /// <summary>The numerators actually tried.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<double> Numerators => LearningRateNumerators.Length > 0 ? LearningRateNumerators : [LearningRateNumerator];

    /// <summary>The schedules actually tried.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<ScheduleKind> ScheduleKinds => Schedules.Length > 0 ? Schedules : [Schedule.Kind];

    /// <inheritdoc />
    public override void Validate(string source)
    {
        if (Widths is null || Widths.Length == 0) throw new InputException($"{source}: widths must list at least one model width");
        foreach (int w in Widths)
            if (w <= 0) throw new InputException($"{source}: widths must be positive, got {w}");
        if (Widths.Distinct().Count() != Widths.Length) throw new InputException($"{source}: widths must be distinct");
        if ((TokensPerParam ?? []).Length + (Tokens ?? []).Length == 0) throw new InputException($"{source}: a training grid needs tokens or tokens_per_param");
        foreach (double r in (TokensPerParam ?? []).Concat(Tokens ?? []))
            if (!(r > 0) || !double.IsFinite(r)) throw new InputException($"{source}: tokens and tokens_per_param must be positive, got {r}");
        if ((TokensPerParam ?? []).Distinct().Count() != (TokensPerParam ?? []).Length || (Tokens ?? []).Distinct().Count() != (Tokens ?? []).Length)
            throw new InputException($"{source}: tokens and tokens_per_param must be distinct");
        foreach (double c in LearningRateNumerators ?? [])
            if (!(c > 0) || !double.IsFinite(c)) throw new InputException($"{source}: learning_rate_numerators must be positive, got {c}");
        if ((LearningRateNumerators ?? []).Distinct().Count() != (LearningRateNumerators ?? []).Length) throw new InputException($"{source}: learning_rate_numerators must be distinct");
        foreach (int b in Batches ?? [])
            if (b <= 0) throw new InputException($"{source}: batches must be positive, got {b}");
        if ((Batches ?? []).Distinct().Count() != (Batches ?? []).Length) throw new InputException($"{source}: batches must be distinct");
        if ((Schedules ?? []).Distinct().Count() != (Schedules ?? []).Length) throw new InputException($"{source}: schedules must be distinct");
        base.Validate(source);
    }
}
