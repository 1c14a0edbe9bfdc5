using ScaleSim.Training.Backends;

namespace ScaleSim.Training.Tasks;

/// <summary>
/// Runs a trained model over a task's evaluation set, a batch of examples per forward pass, and scores the answers
/// with <see cref="TaskScoreAccumulator"/>. One forward pass per batch suffices: exact match under greedy decoding equals
/// the conjunction of the teacher-forced tokens' correctness (see <see cref="TaskScore.ExactMatch"/>).
/// </summary>
public static class TaskScorer
{
    /// <summary>Scores <paramref name="set"/> with the backend's current weights (its batch size and context must fit the set).</summary>
    public static TaskScore Score(ITrainingBackend backend, TaskEvaluationSet set)
    {
        int batch = backend.BatchSize, context = set.Context, vocab = backend.Model.Vocab;
        if (backend.Model.Context != context) throw new ArgumentException($"the evaluation set has context {context}, the model {backend.Model.Context}", nameof(set));
        var inputs = new int[batch * context];
        var targets = new int[batch * context];
        var probabilities = new float[batch * context * vocab];
        var accumulator = new TaskScoreAccumulator(set.Task.AnswerLength, vocab);
        for (int first = 0; first < set.Examples; first += batch)
        {
            int rows = Math.Min(batch, set.Examples - first);
            for (int b = 0; b < batch; b++)
            {
                // A last, partial batch repeats its final example; the repeats are not scored.
                var row = set.Row(first + Math.Min(b, rows - 1));
                row[..context].CopyTo(inputs.AsSpan(b * context));
                row[1..].CopyTo(targets.AsSpan(b * context));
            }
            backend.Forward(inputs, targets);
            backend.GetProbabilities(probabilities);
            for (int b = 0; b < rows; b++)
                accumulator.Add(probabilities.AsSpan(b * context * vocab, context * vocab), set.AnswerStart, set.Answer(first + b));
        }
        return accumulator.Result(set.Task.Chance);
    }
}
