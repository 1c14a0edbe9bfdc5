using System.Text.Json;
using System.Text.Json.Serialization;
using ScaleSim.Flops;
using ScaleSim.Training.Data;

namespace ScaleSim.Training.Sweeps;

/// <summary>
/// An experiment as a file (experiments/NAME/experiment.json): what every kind of experiment gives — the data, the
/// FLOP convention, the shape, batch, learning-rate and schedule rules, the seeds and how runs are validated. The kinds
/// are <see cref="IsoFlopExperiment"/> (compute budgets), <see cref="SizeSweepExperiment"/> (widths at a fixed token
/// count), <see cref="TrainingGridExperiment"/> (widths × tokens × learning rates × batches × schedules) and
/// <see cref="ProtocolLadderExperiment"/> (budgets under Kaplan's protocol, Chinchilla's and the steps between); a file
/// is one or another by whether it gives <c>budgets</c>, <c>tokens_per_run</c>, the grid's <c>tokens</c> or
/// <c>tokens_per_param</c>, or <c>kaplan_protocol</c>.
/// </summary>
public abstract record ExperimentDefinition
{
    /// <summary>Short name; also the folder under experiments/ and runs/.</summary>
    public required string Name { get; init; }

    /// <summary>One paragraph on what the experiment is for.</summary>
    public string Description { get; init; } = "";

    /// <summary>
    /// The data every run trains on: <c>synthetic</c> or <c>synthetic:k=2,V=64,…</c> (a Markov source with a known
    /// entropy floor), <c>tasks:addition=3,reverse=6,…</c> (synthetic tasks, scored after training), or a file read as bytes.
    /// </summary>
    public DataSourceSpec Data { get; init; } = DataSourceSpec.Default;

    /// <summary>The FLOP convention of budgets and of every run's compute.</summary>
    public IFlopModel FlopModel { get; init; } = FlopModels.Kaplan;

    /// <summary>From parameter count (or width) to shape.</summary>
    public ShapeRule Shape { get; init; } = new();

    /// <summary>Sequence length.</summary>
    public int Context { get; init; } = 64;

    /// <summary>Batch per run.</summary>
    public BatchRule Batch { get; init; } = new();

    /// <summary>c in the width rule η = c / d_model (docs/training.md).</summary>
    public double LearningRateNumerator { get; init; } = Optimization.LearningRateRule.DefaultNumerator;

    /// <summary>The learning-rate schedule, and whether runs branch from stems.</summary>
    public ScheduleRule Schedule { get; init; } = new();

    /// <summary>Seeds; every run is trained once per seed.</summary>
    public ulong[] Seeds { get; init; } = [0];

    /// <summary>Held-out sequences per validation.</summary>
    public int ValidationSequences { get; init; } = 64;

    /// <summary>Validations per run (for the training curves Approach 1 reads).</summary>
    public int EvaluationsPerRun { get; init; } = 40;

    /// <summary>The parameter convention the experiment placed its sizes in: the one its FLOP model counts.</summary>
    [JsonIgnore]
    public ParameterConvention Convention => FlopModel == FlopModels.SixN ? ParameterConvention.Total : ParameterConvention.NonEmbedding;

    /// <summary>How experiment files are read and written; <see cref="ExperimentSchema"/> exports the schema with them.</summary>
    internal static JsonSerializerOptions SerializerOptions => Json;

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        WriteIndented = true,
        Converters = { new FlopModelJsonConverter(), new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
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
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            var kind = KindOf(document.RootElement, source);
            definition = (ExperimentDefinition?)JsonSerializer.Deserialize(json, kind, Json);
        }
        catch (JsonException e)
        {
            if (e.InnerException is InputException inner && e.Path is { Length: > 2 } field)
                throw new InputException($"{source}: {field[2..]}: {inner.Message}");
            string where = e.Path is { Length: > 1 } p ? $" at {p}" : "";
            throw new InputException($"{source}: invalid experiment{where}: {e.Message.Split(". Path:")[0].Split('\n')[0]}");
        }
        if (definition is null) throw new InputException($"{source}: empty experiment");
        definition.Validate(source);
        return definition;
    }

    /// <summary>The definition as JSON, in the file format.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, GetType(), Json);

    /// <summary>Throws <see cref="InputException"/> naming the file and the first bad field.</summary>
    public virtual void Validate(string source)
    {
        if (string.IsNullOrWhiteSpace(Name) || Name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || Name.Contains(' '))
            throw new InputException($"{source}: name must be a non-empty folder name without spaces, got '{Name}'");
        if (Context <= 0) throw new InputException($"{source}: context must be positive, got {Context}");
        if (!(LearningRateNumerator > 0)) throw new InputException($"{source}: learning_rate_numerator must be positive, got {LearningRateNumerator}");
        if (Seeds is null || Seeds.Length == 0) throw new InputException($"{source}: seeds must list at least one seed");
        if (ValidationSequences <= 0) throw new InputException($"{source}: validation_sequences must be positive, got {ValidationSequences}");
        if (EvaluationsPerRun <= 0) throw new InputException($"{source}: evaluations_per_run must be positive, got {EvaluationsPerRun}");
        if (Data.Kind == DataSourceKind.File && !File.Exists(Data.Text)) throw new InputException($"{source}: data '{Data}' is neither a synthetic or tasks spec nor an existing file");
        if (Seeds.Distinct().Count() != Seeds.Length) throw new InputException($"{source}: seeds must be distinct");
        Shape.Validate(source);
        Batch.Validate(source);
        Schedule.Validate(source);
    }

    // The file has no kind field: a size sweep gives widths and tokens_per_run (or one tokens_per_param), a training
    // grid widths and tokens or a list of tokens_per_param, an IsoFLOP experiment budgets. Fields of another kind get a message that says which kind they
    // belong to rather than "unknown field".
    private static Type KindOf(JsonElement root, string source)
    {
        if (root.ValueKind != JsonValueKind.Object) throw new InputException($"{source}: invalid experiment: expected a JSON object");
        bool Has(string field) => root.TryGetProperty(field, out var value) && value.ValueKind != JsonValueKind.Null;
        bool widths = Has("widths");
        // tokens_per_param is one number in a size sweep and a list in a training grid.
        bool grid = new[] { "tokens", "learning_rate_numerators", "batches", "schedules" }.Any(Has)
            || (root.TryGetProperty("tokens_per_param", out var perParam) && perParam.ValueKind == JsonValueKind.Array);
        bool budgets = root.TryGetProperty("budgets", out var b) && b.ValueKind == JsonValueKind.Array && b.GetArrayLength() > 0;
        if (Has("kaplan_protocol"))
        {
            if (widths || grid) throw new InputException($"{source}: kaplan_protocol makes a ladder, which gives budgets, not widths");
            return typeof(ProtocolLadderExperiment);
        }
        if (widths && budgets) throw new InputException($"{source}: give budgets (an IsoFLOP experiment) or widths (a size sweep or a training grid), not both");
        if (grid && Has("tokens_per_run")) throw new InputException($"{source}: give tokens_per_run (a size sweep) or tokens or a list of tokens_per_param (a training grid), not both");
        foreach (var field in new[] { "tokens_per_run", "tokens_per_param" })
            if (!widths && !grid && Has(field)) throw new InputException($"{source}: {field} belongs to a size sweep; give widths too, or budgets without it");
        if (!widths && grid) throw new InputException($"{source}: tokens, a list of tokens_per_param, learning_rate_numerators, batches and schedules belong to a training grid; give widths too");
        return grid ? typeof(TrainingGridExperiment) : widths ? typeof(SizeSweepExperiment) : typeof(IsoFlopExperiment);
    }
}
