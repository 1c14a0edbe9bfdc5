using System.Text.Json.Serialization;
using ScaleSim.Training.Tasks;

namespace ScaleSim.Training.Runs;

/// <summary>
/// The result of a run, like SciPy's <c>OptimizeResult</c>: how it ended, what it cost, where it got to and what
/// the floor was. Saved as summary.json (without <see cref="Metrics"/>, which are in metrics.csv).
/// </summary>
public sealed record RunSummary
{
    /// <summary>The ScaleSim version that wrote the summary; null in summaries written before versions were recorded.</summary>
    [JsonPropertyName("scalesim_version")]
    public string? ScaleSimVersion { get; init; }

    /// <summary>completed, diverged or interrupted.</summary>
    public required RunStatus Status { get; init; }

    /// <summary>Why it stopped early, when it did.</summary>
    public string? Message { get; init; }

    /// <summary>The backend that trained it.</summary>
    public required string Backend { get; init; }

    /// <summary>The <c>--data</c> spec.</summary>
    public required string Data { get; init; }

    /// <summary>Vocabulary size.</summary>
    public required int Vocab { get; init; }

    /// <summary>Total parameters (embeddings included, tied head counted once).</summary>
    [JsonPropertyName("params")]
    public required long Parameters { get; init; }

    /// <summary>Parameters outside the token and position embeddings.</summary>
    [JsonPropertyName("non_embedding_params")]
    public required long NonEmbeddingParameters { get; init; }

    /// <summary>Optimizer steps completed.</summary>
    public required long Steps { get; init; }

    /// <summary>Optimizer steps the budget asked for.</summary>
    public required long TotalSteps { get; init; }

    /// <summary>Training tokens consumed (steps × batch × context).</summary>
    public required long Tokens { get; init; }

    /// <summary>The FLOP model of metrics.csv.</summary>
    public required string FlopModel { get; init; }

    /// <summary>Training FLOPs consumed under every FLOP model, by name.</summary>
    public required IReadOnlyDictionary<string, double> Flops { get; init; }

    /// <summary>Training FLOPs per token under every FLOP model, by name.</summary>
    public required IReadOnlyDictionary<string, double> FlopsPerToken { get; init; }

    /// <summary>Peak learning rate.</summary>
    public required double PeakLearningRate { get; init; }

    /// <summary>Last validation loss (nats/token).</summary>
    public double? FinalValidationLoss { get; init; }

    /// <summary>Mean training loss over the last metrics interval.</summary>
    public double? FinalTrainLoss { get; init; }

    /// <summary>The source's exact entropy rate, when known.</summary>
    public double? EntropyRate { get; init; }

    /// <summary>The irreducible loss at this context length (entropy rate plus the short-prefix excess), when known.</summary>
    public double? EntropyFloor { get; init; }

    /// <summary>The exact minimum of the validation loss on this validation set, when known.</summary>
    public double? ValidationFloor { get; init; }

    /// <summary>The entropy of the source's single-token distribution.</summary>
    public double? UnigramEntropy { get; init; }

    /// <summary>Scores on the held-out examples of each task, by task name, when the data is a task source and the run completed.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, TaskScore>? Tasks { get; init; }

    /// <summary>Training wall time (task scoring included), summed over resumed sessions.</summary>
    public required double ElapsedSeconds { get; init; }

    /// <summary>Every metrics row.</summary>
    [JsonIgnore]
    public IReadOnlyList<MetricsRow> Metrics { get; init; } = [];
}
