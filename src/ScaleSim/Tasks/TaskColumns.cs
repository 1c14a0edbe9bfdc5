using ScaleSim.Laws;

namespace ScaleSim.Tasks;

/// <summary>
/// Which columns of a task table hold what, and which scale the table is on. A null name means "look for the usual
/// names" (matched case-insensitively); a null <see cref="ScaleKind"/> means "the scale column's name says which"; a null
/// <see cref="Direction"/> means "the direction column says, or every value is a score". With <see cref="Percent"/>,
/// scores, chance levels and partial credit are percentages (0–100), as papers print them, and are read as fractions.
/// A table with neither a task nor a metric column is read as a wide table: one column per task (see
/// <see cref="TaskTableLoader"/>).
/// </summary>
public sealed record TaskColumns(
    ScaleVariable? ScaleKind = null,
    string? Scale = null,
    string? Score = null,
    string? Model = null,
    string? Task = null,
    string? Metric = null,
    MetricDirection? Direction = null,
    bool Percent = false)
{
    /// <summary>Names tried for the model.</summary>
    public static readonly string[] ModelAliases = ["model", "model_name", "name"];

    /// <summary>Names tried for the task.</summary>
    public static readonly string[] TaskAliases = ["task", "benchmark", "dataset"];

    /// <summary>Names tried for the metric.</summary>
    public static readonly string[] MetricAliases = ["metric", "measure"];

    /// <summary>Names tried for the score.</summary>
    public static readonly string[] ScoreAliases = ["score", "value", "accuracy"];

    /// <summary>Names tried for the chance level.</summary>
    public static readonly string[] ChanceAliases = ["chance", "chance_level", "random", "random_baseline"];

    /// <summary>Names tried for the number of examples.</summary>
    public static readonly string[] ExamplesAliases = ["examples", "n_examples", "num_examples"];

    /// <summary>Names tried for the partial-credit score.</summary>
    public static readonly string[] PartialCreditAliases = ["partial_credit", "token_accuracy", "partial"];

    /// <summary>Names tried for the column that says, per row, whether the value is a score or a loss.</summary>
    public static readonly string[] DirectionAliases = ["direction", "better"];

    /// <summary>Names tried for the task loss.</summary>
    public static readonly string[] LossAliases = ["loss", "task_loss", "nll"];

    /// <summary>A generic scale column, whose kind must then be given.</summary>
    public const string GenericScale = "scale";

    /// <summary>Names that say the scale is parameters, FLOPs or tokens, in the order they are looked for.</summary>
    public static IReadOnlyList<(ScaleVariable Kind, string[] Names)> ScaleAliases { get; } =
    [
        (ScaleVariable.Params, ["params", "N", "parameters", "n_params", "num_params", "model_size"]),
        (ScaleVariable.Flops, ["flops", "C", "compute", "train_flops", "training_flops"]),
        (ScaleVariable.Tokens, ["tokens", "D", "n_tokens", "training_tokens"]),
    ];

    /// <summary>The word for a scale kind, as options and JSON spell it.</summary>
    public static string Name(ScaleVariable kind) => kind switch
    {
        ScaleVariable.Params => "params",
        ScaleVariable.Flops => "flops",
        _ => "tokens",
    };

    /// <summary>Parses params, flops or tokens; <paramref name="parameter"/> names what was given in the error.</summary>
    public static ScaleVariable ParseKind(string text, string parameter = "scale") => text.ToLowerInvariant() switch
    {
        "params" or "parameters" or "n" => ScaleVariable.Params,
        "flops" or "compute" or "c" => ScaleVariable.Flops,
        "tokens" or "d" => ScaleVariable.Tokens,
        _ => throw InputException.About($"{InputName.Of(parameter)} '{text}' is not a scale (choose params, flops or tokens)"),
    };

    /// <summary>How a scale kind reads on an axis.</summary>
    public static string AxisLabel(ScaleVariable kind) => kind switch
    {
        ScaleVariable.Params => "Parameters N",
        ScaleVariable.Flops => "Training compute C (FLOPs)",
        _ => "Training tokens D",
    };
}
