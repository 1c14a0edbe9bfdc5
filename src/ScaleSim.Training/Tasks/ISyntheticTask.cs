namespace ScaleSim.Training.Tasks;

/// <summary>
/// A task the training core can train on and score: every example is a prompt ending in '=' and an answer of a fixed
/// number of tokens, written with <see cref="TaskTokens"/>. Examples are drawn from a caller's generator, so a source
/// that owns the generator stays a pure function of (seed, step).
/// </summary>
public interface ISyntheticTask
{
    /// <summary>Name in tables and summary.json, e.g. <c>addition-3</c>.</summary>
    string Name { get; }

    /// <summary>Tokens of the prompt, the final '=' included.</summary>
    int PromptLength { get; }

    /// <summary>Tokens of the answer; every one is scored.</summary>
    int AnswerLength { get; }

    /// <summary>Accuracy of a uniform guess at one answer token among the values that token can take.</summary>
    double Chance { get; }

    /// <summary>One line on the format, for reports.</summary>
    string Format { get; }

    /// <summary>
    /// Writes one example (<see cref="PromptLength"/> + <see cref="AnswerLength"/> tokens) into
    /// <paramref name="example"/> and returns a key that identifies its problem (equal keys, equal examples), by which
    /// the source holds problems out of training. <paramref name="evaluation"/> draws from the distribution the task is
    /// scored on, which may differ from the training distribution (the distractor task scores only its rare rule).
    /// </summary>
    ulong Write(ref Xoshiro256 rng, bool evaluation, Span<int> example);

    /// <summary>
    /// Whether the problem with <paramref name="key"/> may be held out of training. Every problem may, unless the task
    /// says otherwise: the memo trap keeps its facts (the values it asks about) in training and holds out only questions.
    /// </summary>
    bool CanBeHeldOut(ulong key) => true;
}
