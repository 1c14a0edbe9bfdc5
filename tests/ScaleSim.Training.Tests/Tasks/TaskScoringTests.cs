using ScaleSim.Training.Tasks;

namespace ScaleSim.Training.Tests.Tasks;

public class TaskScoringTests
{
    private const int Vocab = TaskTokens.Count;

    /// <summary>
    /// Next-token distributions for one example of <paramref name="answer"/>.Length tokens after a one-token prompt: at
    /// each answer position the argmax is the gold token with probability <paramref name="p"/> (drawn independently),
    /// otherwise another digit; the gold token gets probability <paramref name="gold"/> when right.
    /// </summary>
    private static float[] Probabilities(ref Xoshiro256 rng, int[] answer, double p, float gold = 0.6f)
    {
        var probs = new float[(answer.Length + 1) * Vocab];
        for (int j = 0; j < answer.Length; j++)
        {
            var row = probs.AsSpan(j * Vocab, Vocab);
            row.Fill((1 - gold) / (Vocab - 1));
            int top = rng.NextDouble() < p ? answer[j] : (answer[j] + 1 + rng.NextInt(9)) % 10;
            row[top] = gold;
        }
        return probs;
    }

    [Fact]
    public void PerDigitIsTheTokenAccuracyAndExactMatchItsPowerWhenErrorsAreIndependent()
    {
        const int examples = 20000, length = 5;
        const double p = 0.8;
        var rng = new Xoshiro256(11);
        var accumulator = new TaskScoreAccumulator(length, Vocab);
        var answer = new int[length];
        for (int e = 0; e < examples; e++)
        {
            for (int j = 0; j < length; j++) answer[j] = rng.NextInt(10);
            accumulator.Add(Probabilities(ref rng, answer, p), answerStart: 1, answer);
        }
        var score = accumulator.Result(chance: 0.1);
        Assert.Equal(examples, score.Examples);
        Assert.Equal(length, score.AnswerLength);
        // Standard errors: per-digit sqrt(p(1-p)/(n·L)) = 0.0013, exact match sqrt(q(1-q)/n) = 0.0035 with q = p^5 = 0.328.
        Assert.InRange(score.PerDigit, p - 0.006, p + 0.006);
        Assert.InRange(score.ExactMatch, Math.Pow(p, length) - 0.015, Math.Pow(p, length) + 0.015);
        Assert.All(score.PositionAccuracy, a => Assert.InRange(a, p - 0.015, p + 0.015));
        Assert.Equal(score.PerDigit, score.PositionAccuracy.Average(), 12);
        Assert.Equal(Math.Pow(0.1, length), score.ExactMatchChance, 15);
    }

    [Fact]
    public void ExactMatchNeedsEveryTokenAndLossIsTheGoldTokensNll()
    {
        var accumulator = new TaskScoreAccumulator(2, Vocab);
        var rng = new Xoshiro256(0);
        // Both right; the first right, the second wrong; both wrong.
        accumulator.Add(Probabilities(ref rng, [3, 4], p: 1), 1, [3, 4]);
        var oneWrong = Probabilities(ref rng, [5, 6], p: 1);
        oneWrong[Vocab + 6] = 0.01f;
        oneWrong[Vocab + 7] = 0.6f;
        accumulator.Add(oneWrong, 1, [5, 6]);
        accumulator.Add(Probabilities(ref rng, [7, 8], p: 0), 1, [7, 8]);
        var score = accumulator.Result(0.1);
        Assert.Equal(1.0 / 3, score.ExactMatch, 12);
        Assert.Equal(3.0 / 6, score.PerDigit, 12);
        Assert.Equal([2.0 / 3, 1.0 / 3], score.PositionAccuracy);
        float other = 0.4f / (Vocab - 1);
        double expected = -(3 * Math.Log(0.6f) + Math.Log(0.01f) + 2 * Math.Log(other)) / 6;
        Assert.Equal(expected, score.Loss, 6);
    }

    [Fact]
    public void TiesGoToTheLowerTokenAndAnswersReadTheShiftedPositions()
    {
        var accumulator = new TaskScoreAccumulator(1, Vocab);
        // Answer at position 3, predicted from position 2; a tie between tokens 2 and 5 goes to 2.
        var probs = new float[4 * Vocab];
        probs[2 * Vocab + 2] = 0.5f;
        probs[2 * Vocab + 5] = 0.5f;
        accumulator.Add(probs, answerStart: 3, [2]);
        accumulator.Add(probs, answerStart: 3, [5]);
        Assert.Equal(0.5, accumulator.Result(0.1).ExactMatch);
        Assert.Throws<InvalidOperationException>(() => new TaskScoreAccumulator(1, Vocab).Result(0.1));
    }
}
