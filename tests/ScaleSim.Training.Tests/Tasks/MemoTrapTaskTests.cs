using ScaleSim.Training.Data;
using ScaleSim.Training.Tasks;

namespace ScaleSim.Training.Tests.Tasks;

/// <summary>
/// The memo trap's statistics: the memorised value of every key is frequent in training, the transformed answer the
/// task scores is rare (and for scored keys absent), and the three ways of answering score chance, zero and one.
/// </summary>
public class MemoTrapTaskTests
{
    private const int Context = 64;

    private static TaskSource Open(string spec) => (TaskSource)DataSourceSpec.Parse(spec).Open();

    /// <summary>The whole examples in <paramref name="rows"/> rows of training data (tokens between separators).</summary>
    private static List<int[]> TrainingExamples(TaskSource source, int rows)
    {
        var inputs = new int[rows * Context];
        var targets = new int[rows * Context];
        source.TrainingBatch(0, 0, rows, Context, inputs, targets);
        var examples = new List<int[]>();
        for (int r = 0; r < rows; r++)
        {
            var row = inputs.AsSpan(r * Context, Context).ToArray().Append(targets[r * Context + Context - 1]).ToArray();
            var pieces = string.Join(",", row.Skip(1)).Split($",{TaskTokens.Separator},");
            examples.AddRange(pieces[..^1].Select(p => p.Split(',').Select(int.Parse).ToArray()));
        }
        return examples;
    }

    private static Dictionary<string, int> IndexOfKey(MemoTrapTask task) =>
        Enumerable.Range(0, task.Keys).ToDictionary(i => string.Join("", task.Key(i).ToArray()), i => i);

    [Fact]
    public void TheTableHasDistinctKeysOfTheFewestDigitsAndBalancedRandomValues()
    {
        var task = new MemoTrapTask(500, 6, 0.9, tableSeed: 0);
        Assert.Equal(3, task.KeyLength);
        Assert.Equal(5, task.PromptLength);
        Assert.Equal(500, IndexOfKey(task).Count);
        // Every bit position is one half ones over the table, so the answers' marginal tells a model nothing.
        for (int b = 0; b < 6; b++) Assert.Equal(250, Enumerable.Range(0, task.Keys).Count(i => task.Value(i)[b] == 1));
        Assert.InRange(Enumerable.Range(0, 101).Count(i => new MemoTrapTask(101, 3, 0.9, 0).Value(i)[0] == 1), 50, 51);
        // Values are not all alike: 500 keys of 6 bits take most of the 64 values.
        Assert.True(Enumerable.Range(0, task.Keys).Select(i => string.Join("", task.Value(i).ToArray())).Distinct().Count() > 50);
        Assert.Equal(1, new MemoTrapTask(10, 4, 0.9, 0).KeyLength);
        Assert.Equal(2, new MemoTrapTask(100, 4, 0.9, 0).KeyLength);
        // The table is a function of its seed.
        var again = new MemoTrapTask(500, 6, 0.9, tableSeed: 0);
        var other = new MemoTrapTask(500, 6, 0.9, tableSeed: 1);
        Assert.True(Enumerable.Range(0, 500).All(i => task.Value(i).SequenceEqual(again.Value(i)) && task.Key(i).SequenceEqual(again.Key(i))));
        Assert.False(Enumerable.Range(0, 500).All(i => task.Value(i).SequenceEqual(other.Value(i))));
    }

    [Fact]
    public void TrainingRecallsTheValueOftenAndFlipsItRarelyAndNeverForAScoredKey()
    {
        var source = Open("tasks:memo=200,bits=6,prior=0.9,eval=500");
        var task = (MemoTrapTask)source.Tasks.Single();
        var index = IndexOfKey(task);
        var eval = source.EvaluationSet(0, Context);
        var scored = new HashSet<int>();
        for (int i = 0; i < eval.Examples; i++)
        {
            var row = eval.Row(i);
            Assert.Equal(TaskTokens.Flip, row[1]);
            int k = index[string.Join("", row.Slice(2, task.KeyLength).ToArray())];
            Assert.True(scored.Add(k), "scored keys are distinct");
            Assert.Equal(task.Value(k).ToArray().Select(b => 1 - b), eval.Answer(i).ToArray());
        }
        // Only F prompts are held out, one key in eight.
        Assert.InRange(scored.Count, 200 / 8 / 2, 200 / 8 * 2);

        var examples = TrainingExamples(source, 2048);
        int recalls = 0, flips = 0;
        var recallsOf = new int[task.Keys];
        foreach (var e in examples)
        {
            Assert.Equal(task.PromptLength + task.AnswerLength, e.Length);
            Assert.Equal(TaskTokens.EqualsSign, e[task.KeyLength + 1]);
            int k = index[string.Join("", e[1..(1 + task.KeyLength)])];
            var answer = e[task.PromptLength..];
            if (e[0] == TaskTokens.Copy)
            {
                Assert.Equal(task.Value(k).ToArray().Select(b => (int)b), answer);
                recalls++;
                recallsOf[k]++;
            }
            else
            {
                Assert.Equal(TaskTokens.Flip, e[0]);
                Assert.Equal(task.Value(k).ToArray().Select(b => 1 - b), answer);
                Assert.DoesNotContain(k, scored);
                flips++;
            }
        }
        // The memorised value is the frequent answer (90% of examples, every key many times, scored keys included);
        // the transformed one is rare.
        Assert.InRange(recalls / (double)(recalls + flips), 0.87, 0.93);
        Assert.All(scored, k => Assert.True(recallsOf[k] >= 20, $"key {k} recalled {recallsOf[k]} times"));
    }

    [Fact]
    public void GuessingScoresChanceRecallingTheValueScoresZeroAndFlippingItScoresOne()
    {
        var source = Open("tasks:memo=1000,bits=6,eval=500");
        var task = (MemoTrapTask)source.Tasks.Single();
        var index = IndexOfKey(task);
        var eval = source.EvaluationSet(0, Context);
        var rng = Xoshiro256.ForStream(42, 1);
        double guess = 0, recall = 0, flip = 0;
        for (int i = 0; i < eval.Examples; i++)
        {
            var value = task.Value(index[string.Join("", eval.Row(i).Slice(2, task.KeyLength).ToArray())]);
            var gold = eval.Answer(i);
            for (int b = 0; b < task.Bits; b++)
            {
                guess += rng.NextInt(2) == gold[b] ? 1 : 0;
                recall += value[b] == gold[b] ? 1 : 0;
                flip += 1 - value[b] == gold[b] ? 1 : 0;
            }
        }
        int tokens = eval.Examples * task.Bits;
        Assert.Equal(0.5, task.Chance);
        Assert.InRange(guess / tokens, 0.44, 0.56);
        Assert.Equal(0, recall);
        Assert.Equal(tokens, flip);
    }

    [Fact]
    public void InBaseTenFAsksForTheSuccessorOfEveryDigitAndChanceIsATenth()
    {
        var source = Open("tasks:memo=256,bits=1,base=10,prior=0.9");
        var task = (MemoTrapTask)source.Tasks.Single();
        Assert.Equal("memo-256-base10", task.Name);
        Assert.Equal(0.1, task.Chance, 12);
        // Every digit is the value of 25 or 26 of the 256 keys.
        for (int d = 0; d < 10; d++) Assert.InRange(Enumerable.Range(0, task.Keys).Count(i => task.Value(i)[0] == d), 25, 26);
        var index = IndexOfKey(task);
        foreach (var e in TrainingExamples(source, 256))
        {
            int value = task.Value(index[string.Join("", e[1..4])])[0];
            Assert.Equal(e[0] == TaskTokens.Copy ? value : (value + 1) % 10, e[^1]);
        }
        var eval = source.EvaluationSet(0, Context);
        for (int i = 0; i < eval.Examples; i++)
            Assert.Equal((task.Value(index[string.Join("", eval.Row(i).Slice(2, 3).ToArray())])[0] + 1) % 10, eval.Answer(i)[0]);
        Assert.Contains("base must be 2 to 10", Assert.Throws<InputException>(() => DataSourceSpec.Parse("tasks:memo=10,base=11")).Message);
        var o = TaskSourceOptions.Parse("tasks:memo=256,bits=1,base=10");
        Assert.Equal(o, TaskSourceOptions.Parse(o.ToString()));
        Assert.DoesNotContain("base", TaskSourceOptions.Parse("tasks:memo=256").ToString());
    }

    [Fact]
    public void MemoSpecsRoundTripAndBadOnesNameTheProblem()
    {
        var o = TaskSourceOptions.Parse("tasks:memo=300*2,bits=5,prior=0.8,addition=2");
        Assert.Equal(300, o.Memo);
        Assert.Equal(2, o.MemoWeight);
        Assert.Equal(5, o.Bits);
        Assert.Equal(o, TaskSourceOptions.Parse(o.ToString()));
        Assert.Equal(["addition-2", "memo-300"], o.CreateTasks().Select(t => t.Name));
        Assert.Contains("2 to 10000 keys", Assert.Throws<InputException>(() => DataSourceSpec.Parse("tasks:memo=1")).Message);
        Assert.Contains("bits must be 1 to 30", Assert.Throws<InputException>(() => DataSourceSpec.Parse("tasks:memo=10,bits=0")).Message);
        Assert.Contains("prior must be in [0, 1)", Assert.Throws<InputException>(() => DataSourceSpec.Parse("tasks:memo=10,prior=1")).Message);
    }
}
