namespace ScaleSim.Training.Tasks;

/// <summary>
/// A model's score on one task's held-out examples (summary.json's <c>tasks</c> object, keyed by task name).
/// Every answer token is scored at the argmax of the model's next-token distribution over the whole vocabulary,
/// given the prompt and the gold answer before it (teacher forcing).
/// </summary>
public sealed record TaskScore
{
    /// <summary>Examples scored.</summary>
    public required int Examples { get; init; }

    /// <summary>Tokens per answer, L.</summary>
    public required int AnswerLength { get; init; }

    /// <summary>Per-token chance: a uniform guess among the values an answer token can take.</summary>
    public required double Chance { get; init; }

    /// <summary>
    /// Share of examples with every answer token right. Under greedy decoding an answer comes out exactly right if and
    /// only if every teacher-forced token is right (each greedy step then sees the gold prefix), so this is also the
    /// greedy-decoding exact match.
    /// </summary>
    public required double ExactMatch { get; init; }

    /// <summary>Share of answer tokens right (teacher-forced), the partial-credit metric.</summary>
    public required double PerDigit { get; init; }

    /// <summary>Mean negative log-likelihood of the gold answer tokens (nats per token).</summary>
    public required double Loss { get; init; }

    /// <summary>Accuracy at each answer position, first to last.</summary>
    public required IReadOnlyList<double> PositionAccuracy { get; init; }

    /// <summary>Exact match of a uniform guess: chance^L.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public double ExactMatchChance => Math.Pow(Chance, AnswerLength);
}
