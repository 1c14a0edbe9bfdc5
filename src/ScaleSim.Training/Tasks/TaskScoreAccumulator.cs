namespace ScaleSim.Training.Tasks;

/// <summary>
/// Scores examples from a model's next-token probabilities: per answer token, whether the argmax is the gold token
/// (ties go to the lower id) and the gold token's negative log-likelihood; per example, whether every token was right.
/// Independent of any backend, so it can be checked on probabilities made by hand.
/// </summary>
public sealed class TaskScoreAccumulator
{
    private readonly int _vocab;
    private readonly long[] _rightAt;
    private long _examples, _exact;
    private double _nll;

    /// <summary>An empty accumulator for answers of <paramref name="answerLength"/> tokens over <paramref name="vocab"/> tokens.</summary>
    public TaskScoreAccumulator(int answerLength, int vocab)
    {
        if (answerLength < 1) throw new ArgumentOutOfRangeException(nameof(answerLength), answerLength, "an answer has at least one token");
        _vocab = vocab;
        _rightAt = new long[answerLength];
    }

    /// <summary>
    /// Scores one example: <paramref name="probabilities"/> holds the next-token distributions of its sequence
    /// (positions × vocab), the answer starts at <paramref name="answerStart"/> and answer token j is predicted at
    /// position <paramref name="answerStart"/> + j − 1.
    /// </summary>
    public void Add(ReadOnlySpan<float> probabilities, int answerStart, ReadOnlySpan<int> answer)
    {
        if (answer.Length != _rightAt.Length) throw new ArgumentException($"expected an answer of {_rightAt.Length} tokens, got {answer.Length}", nameof(answer));
        if (answerStart < 1) throw new ArgumentOutOfRangeException(nameof(answerStart), answerStart, "the answer follows at least one token");
        bool all = true;
        for (int j = 0; j < answer.Length; j++)
        {
            var p = probabilities.Slice((answerStart + j - 1) * _vocab, _vocab);
            int argmax = 0;
            for (int y = 1; y < p.Length; y++) if (p[y] > p[argmax]) argmax = y;
            bool right = argmax == answer[j];
            if (right) _rightAt[j]++;
            all &= right;
            _nll -= Math.Log(Math.Max(p[answer[j]], 1e-30f));
        }
        if (all) _exact++;
        _examples++;
    }

    /// <summary>The score so far; <paramref name="chance"/> is the task's per-token chance.</summary>
    public TaskScore Result(double chance)
    {
        if (_examples == 0) throw new InvalidOperationException("no examples scored");
        int length = _rightAt.Length;
        return new TaskScore
        {
            Examples = checked((int)_examples),
            AnswerLength = length,
            Chance = chance,
            ExactMatch = (double)_exact / _examples,
            PerDigit = (double)_rightAt.Sum() / (_examples * length),
            Loss = _nll / (_examples * length),
            PositionAccuracy = _rightAt.Select(r => (double)r / _examples).ToArray(),
        };
    }
}
