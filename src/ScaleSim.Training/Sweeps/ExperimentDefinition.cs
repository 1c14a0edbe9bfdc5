using System.Text.Json;
using System.Text.Json.Serialization;
using ScaleSim.Flops;
using ScaleSim.Training.Data;

namespace ScaleSim.Training.Sweeps;

/// <summary>
/// An experiment as a file (experiments/NAME/experiment.json). An IsoFLOP experiment gives the compute budgets, how
/// sizes are spread around each budget's expected optimum and the schedule horizons per size for Approach 1; a size
/// sweep gives <see cref="Widths"/> and <see cref="TokensPerRun"/> instead (one run per width, the same tokens for
/// each: task curves against model size). Both give the data, the shape, batch and learning-rate rules and the seeds.
/// </summary>
public sealed record ExperimentDefinition
{
    /// <summary>Short name; also the folder under experiments/ and runs/.</summary>
    public required string Name { get; init; }

    /// <summary>One paragraph on what the experiment is for.</summary>
    public string Description { get; init; } = "";

    /// <summary>The <c>--data</c> spec every run trains on.</summary>
    public string Data { get; init; } = DataSpec.Default;

    /// <summary>Compute budgets C in FLOPs under <see cref="FlopModel"/> (IsoFLOP experiments).</summary>
    public double[] Budgets { get; init; } = [];

    /// <summary>d_model of each run of a size sweep, or null for an IsoFLOP experiment.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int[]? Widths { get; init; }

    /// <summary>Training tokens of every run of a size sweep.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? TokensPerRun { get; init; }

    /// <summary>Whether this is a size sweep (<see cref="Widths"/>) rather than an IsoFLOP experiment.</summary>
    [JsonIgnore]
    public bool IsSizeSweep => Widths is not null;

    /// <summary>The FLOP convention of the budgets (and of D = C / FLOPs-per-token).</summary>
    public string FlopModel { get; init; } = FlopModels.Kaplan.Name;

    /// <summary>Sizes trained per budget (before widths that round to the same model are merged).</summary>
    public int SizesPerBudget { get; init; } = 7;

    /// <summary>Ratio of the largest to the smallest target size at each budget.</summary>
    public double SizeSpan { get; init; } = 10;

    /// <summary>Where each budget's optimum is expected.</summary>
    public OptimumPrior PriorOptimum { get; init; } = new();

    /// <summary>From parameter count to shape.</summary>
    public ShapeRule Shape { get; init; } = new();

    /// <summary>Sequence length.</summary>
    public int Context { get; init; } = 64;

    /// <summary>Batch per run.</summary>
    public BatchRule Batch { get; init; } = new();

    /// <summary>c in the width rule η = c / d_model (docs/training.md).</summary>
    public double LearningRateNumerator { get; init; } = Optimization.LearningRateRule.DefaultNumerator;

    /// <summary>Seeds; every run is trained once per seed.</summary>
    public ulong[] Seeds { get; init; } = [0];

    /// <summary>
    /// Cosine horizons per size for Approach 1, counting the IsoFLOP runs the size already has; extra runs fill in
    /// horizons spanning <see cref="HorizonSpan"/> (Hoffmann et al. 2022 used 4 spanning 16×). 1 adds none.
    /// </summary>
    public int Horizons { get; init; } = 1;

    /// <summary>Ratio of the longest to the shortest horizon of a size.</summary>
    public double HorizonSpan { get; init; } = 16;

    /// <summary>Held-out sequences per validation.</summary>
    public int ValidationSequences { get; init; } = 64;

    /// <summary>Validations per run (for the training curves Approach 1 reads).</summary>
    public int EvaluationsPerRun { get; init; } = 40;

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        WriteIndented = true,
    };

    /// <summary>Reads and validates a definition file; every problem is one line naming the file and the field.</summary>
    public static ExperimentDefinition Load(string path)
    {
        if (!File.Exists(path)) throw new InputException($"{path}: experiment file not found");
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses and validates definition JSON; <paramref name="source"/> names it in errors.</summary>
    public static ExperimentDefinition Parse(string json, string source)
    {
        ExperimentDefinition? definition;
        try { definition = JsonSerializer.Deserialize<ExperimentDefinition>(json, Json); }
        catch (JsonException e)
        {
            string where = e.Path is { Length: > 1 } p ? $" at {p}" : "";
            throw new InputException($"{source}: invalid experiment{where}: {e.Message.Split(". Path:")[0].Split('\n')[0]}");
        }
        if (definition is null) throw new InputException($"{source}: empty experiment");
        definition.Validate(source);
        return definition;
    }

    /// <summary>The definition as JSON, in the file format.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Throws <see cref="InputException"/> naming the first bad field.</summary>
    public void Validate(string source)
    {
        if (string.IsNullOrWhiteSpace(Name) || Name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || Name.Contains(' '))
            throw new InputException($"{source}: name must be a non-empty folder name without spaces, got '{Name}'");
        if (IsSizeSweep) ValidateSizeSweep(source);
        else if (Budgets is null || Budgets.Length == 0) throw new InputException($"{source}: budgets must list at least one compute budget");
        if (TokensPerRun is not null && !IsSizeSweep) throw new InputException($"{source}: tokens_per_run belongs to a size sweep; give widths too, or budgets without it");
        foreach (var c in Budgets)
            if (!(c > 0) || !double.IsFinite(c)) throw new InputException($"{source}: budgets must be positive FLOPs, got {c}");
        if (Budgets.Distinct().Count() != Budgets.Length) throw new InputException($"{source}: budgets must be distinct");
        try { FlopModels.Parse(FlopModel); }
        catch (InputException e) { throw new InputException($"{source}: flop_model: {e.Message}"); }
        if (SizesPerBudget < 3) throw new InputException($"{source}: sizes_per_budget must be at least 3 (a parabola needs three sizes), got {SizesPerBudget}");
        if (!(SizeSpan > 1)) throw new InputException($"{source}: size_span must exceed 1, got {SizeSpan}");
        if (Context <= 0) throw new InputException($"{source}: context must be positive, got {Context}");
        if (!(LearningRateNumerator > 0)) throw new InputException($"{source}: learning_rate_numerator must be positive, got {LearningRateNumerator}");
        if (Seeds is null || Seeds.Length == 0) throw new InputException($"{source}: seeds must list at least one seed");
        if (Horizons < 1) throw new InputException($"{source}: horizons must be at least 1, got {Horizons}");
        if (!(HorizonSpan > 1)) throw new InputException($"{source}: horizon_span must exceed 1, got {HorizonSpan}");
        if (ValidationSequences <= 0) throw new InputException($"{source}: validation_sequences must be positive, got {ValidationSequences}");
        if (EvaluationsPerRun <= 0) throw new InputException($"{source}: evaluations_per_run must be positive, got {EvaluationsPerRun}");
        if (!DataSpec.IsGenerated(Data) && !File.Exists(Data)) throw new InputException($"{source}: data '{Data}' is neither a synthetic or tasks spec nor an existing file");
        PriorOptimum.Validate(source);
        Shape.Validate(source);
        Batch.Validate(source);
    }

    private void ValidateSizeSweep(string source)
    {
        if (Budgets is { Length: > 0 }) throw new InputException($"{source}: give budgets (an IsoFLOP experiment) or widths (a size sweep), not both");
        if (Widths!.Length < 3) throw new InputException($"{source}: widths must list at least 3 model widths, got {Widths.Length}");
        foreach (int w in Widths)
            if (w <= 0) throw new InputException($"{source}: widths must be positive, got {w}");
        if (Widths.Distinct().Count() != Widths.Length) throw new InputException($"{source}: widths must be distinct");
        if (TokensPerRun is not { } d || !(d >= 1) || !double.IsFinite(d)) throw new InputException($"{source}: a size sweep needs tokens_per_run, a positive token count");
    }
}
