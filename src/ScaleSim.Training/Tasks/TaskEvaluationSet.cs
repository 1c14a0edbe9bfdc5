namespace ScaleSim.Training.Tasks;

/// <summary>
/// A task's fixed held-out examples, one per sequence: <see cref="Examples"/> rows of <see cref="Context"/> + 1 tokens,
/// each a separator, the prompt, the answer and separators after it. Inputs are a row's first <see cref="Context"/>
/// tokens and targets its last; answer token j is at row position <see cref="AnswerStart"/> + j and is predicted from
/// position <see cref="AnswerStart"/> + j − 1.
/// </summary>
/// <param name="Task">The task.</param>
/// <param name="Context">Sequence length of the model.</param>
/// <param name="Examples">Number of examples (rows).</param>
/// <param name="Rows">Examples × (context + 1) tokens.</param>
public sealed record TaskEvaluationSet(ISyntheticTask Task, int Context, int Examples, int[] Rows)
{
    /// <summary>Row position of the first answer token (after the separator and the prompt).</summary>
    public int AnswerStart => 1 + Task.PromptLength;

    /// <summary>Row <paramref name="example"/>: context + 1 tokens.</summary>
    public ReadOnlySpan<int> Row(int example) => Rows.AsSpan(example * (Context + 1), Context + 1);

    /// <summary>The gold answer of <paramref name="example"/>.</summary>
    public ReadOnlySpan<int> Answer(int example) => Row(example).Slice(AnswerStart, Task.AnswerLength);
}
