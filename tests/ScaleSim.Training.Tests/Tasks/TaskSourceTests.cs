using ScaleSim.Training.Data;
using ScaleSim.Training.Tasks;

namespace ScaleSim.Training.Tests.Tasks;

public class TaskSourceTests
{
    private const int Context = 64;

    private static TaskSource Open(string spec) => (TaskSource)DataSourceSpec.Parse(spec).Open();

    /// <summary>Every whole example of <paramref name="rows"/> rows of training data: (first token, tokens up to the next separator).</summary>
    private static List<int[]> Examples(TaskSource source, int rows, ulong seed = 0, long step = 0)
    {
        var inputs = new int[rows * Context];
        var targets = new int[rows * Context];
        source.TrainingBatch(seed, step, rows, Context, inputs, targets);
        var examples = new List<int[]>();
        for (int r = 0; r < rows; r++)
        {
            var row = inputs.AsSpan(r * Context, Context).ToArray().Append(targets[r * Context + Context - 1]).ToArray();
            if (row[0] != TaskTokens.Separator) continue;
            // Split at separators; the last piece may be cut by the context.
            var pieces = string.Join(",", row.Skip(1)).Split($",{TaskTokens.Separator},");
            examples.AddRange(pieces[..^1].Select(p => p.Split(',').Select(int.Parse).ToArray()));
        }
        return examples;
    }

    private static long Number(ReadOnlySpan<int> digits, DigitOrder order)
    {
        long value = 0;
        for (int i = 0; i < digits.Length; i++)
        {
            int d = order == DigitOrder.Lsb ? digits[digits.Length - 1 - i] : digits[i];
            Assert.InRange(d, 0, 9);
            value = value * 10 + d;
        }
        return value;
    }

    [Theory]
    [InlineData(DigitOrder.Lsb)]
    [InlineData(DigitOrder.Msb)]
    public void AdditionExamplesAreSumsInTheStatedDigitOrder(DigitOrder order)
    {
        var source = Open($"tasks:addition=3,order={order.ToString().ToLowerInvariant()}");
        var examples = Examples(source, 32);
        Assert.True(examples.Count > 100);
        foreach (var e in examples)
        {
            Assert.Equal(12, e.Length);
            Assert.Equal(TaskTokens.Plus, e[3]);
            Assert.Equal(TaskTokens.EqualsSign, e[7]);
            Assert.Equal(Number(e.AsSpan(0, 3), order) + Number(e.AsSpan(4, 3), order), Number(e.AsSpan(8, 4), order));
        }
        // 123 + 456 = 579, written least-significant digit first: 321+654=9750.
        if (order == DigitOrder.Lsb)
        {
            var rng = new Xoshiro256(5);
            var tokens = new int[12];
            new AdditionTask(3, order).Write(ref rng, false, tokens);
            long a = Number(tokens.AsSpan(0, 3), order), b = Number(tokens.AsSpan(4, 3), order);
            Assert.Equal(a % 10, tokens[0]);
            Assert.Equal((a + b) % 10, tokens[8]);
            Assert.Equal((a + b) / 1000, tokens[11]);
        }
    }

    [Fact]
    public void ReverseAndDistractorExamplesFollowTheirRules()
    {
        var source = Open("tasks:reverse=5,distractor=6,prior=0.75");
        var examples = Examples(source, 256);
        int copies = 0, flips = 0;
        foreach (var e in examples)
        {
            Assert.Equal(TaskTokens.EqualsSign, e[e.Length / 2]);
            if (e[0] == TaskTokens.Reverse)
            {
                Assert.Equal(12, e.Length);
                Assert.Equal(e[1..6].Reverse(), e[7..]);
            }
            else
            {
                Assert.Equal(14, e.Length);
                Assert.All(e[1..7], b => Assert.InRange(b, 0, 1));
                bool flip = e[0] == TaskTokens.Flip;
                Assert.True(flip || e[0] == TaskTokens.Copy);
                Assert.Equal(e[1..7].Select(b => flip ? 1 - b : b), e[8..]);
                if (flip) flips++;
                else copies++;
            }
        }
        // Copies are the frequent prior: 75% of the distractor's training examples.
        double share = copies / (double)(copies + flips);
        Assert.InRange(share, 0.70, 0.80);

        var eval = source.EvaluationSet(1, Context);
        for (int i = 0; i < eval.Examples; i++) Assert.Equal(TaskTokens.Flip, eval.Row(i)[1]);
    }

    [Fact]
    public void BatchesArePureFunctionsOfSeedAndStep()
    {
        const string spec = "tasks:addition=2,reverse=4,rate=0.5";
        var source = Open(spec);
        int[] Batch(ulong seed, long step, TaskSource? from = null)
        {
            var inputs = new int[8 * Context];
            (from ?? source).TrainingBatch(seed, step, 8, Context, inputs, new int[8 * Context]);
            return inputs;
        }
        // The same batch from the same source, from a fresh source, and after other batches were drawn.
        var first = Batch(1, 7);
        Batch(1, 3);
        Assert.Equal(first, Batch(1, 7));
        Assert.Equal(first, Batch(1, 7, Open(spec)));
        Assert.NotEqual(Batch(1, 7), Batch(1, 8));
        Assert.NotEqual(Batch(1, 7), Batch(2, 7));
        // Targets are the inputs shifted by one.
        var inputs = new int[4 * Context];
        var targets = new int[4 * Context];
        source.TrainingBatch(3, 0, 4, Context, inputs, targets);
        for (int r = 0; r < 4; r++) Assert.Equal(inputs.AsSpan(r * Context + 1, Context - 1).ToArray(), targets.AsSpan(r * Context, Context - 1).ToArray());
    }

    [Fact]
    public void TaskSequencesMakeUpTheStatedRateOfTheMixture()
    {
        var source = Open("tasks:addition=3,rate=0.3");
        Assert.Equal(TaskTokens.Count + 64, source.Vocab);
        int rows = 4000, task = 0;
        var inputs = new int[rows * Context];
        source.TrainingBatch(0, 0, rows, Context, inputs, new int[rows * Context]);
        for (int r = 0; r < rows; r++)
        {
            var row = inputs.AsSpan(r * Context, Context);
            bool isTask = row[0] == TaskTokens.Separator;
            if (isTask) task++;
            // A row is all task tokens or all background tokens.
            foreach (int t in row) Assert.Equal(isTask, t < TaskTokens.Count);
        }
        // 4000 rows: the binomial standard deviation of the share is 0.007.
        Assert.InRange(task / (double)rows, 0.27, 0.33);
        Assert.Equal(TaskTokens.Count, Open("tasks:addition=3").Vocab);
    }

    [Fact]
    public void TasksAreDrawnInProportionToTheirWeights()
    {
        var source = Open("tasks:addition=2*3,reverse=3");
        Assert.Equal("tasks:addition=2*3,reverse=3,order=lsb,rate=1,seed=0,eval=500", source.Description);
        var examples = Examples(source, 400);
        double additions = examples.Count(e => e[0] != TaskTokens.Reverse) / (double)examples.Count;
        Assert.InRange(additions, 0.72, 0.78);
    }

    [Fact]
    public void HeldOutProblemsNeverTrainAndAreTheOnlyOnesScored()
    {
        var source = Open("tasks:addition=2,eval=300");
        var examples = Examples(source, 64);
        foreach (var e in examples)
        {
            ulong key = (ulong)(Number(e.AsSpan(0, 2), DigitOrder.Lsb) * 100 + Number(e.AsSpan(3, 2), DigitOrder.Lsb));
            Assert.False(source.IsHeldOut(0, key));
        }
        var eval = source.EvaluationSet(0, Context);
        Assert.Equal(300, eval.Examples);
        var keys = new HashSet<ulong>();
        for (int i = 0; i < eval.Examples; i++)
        {
            var row = eval.Row(i);
            Assert.Equal(Context + 1, row.Length);
            Assert.Equal(TaskTokens.Separator, row[0]);
            Assert.Equal(TaskTokens.Separator, row[eval.AnswerStart + 3]);
            ulong key = (ulong)(Number(row.Slice(1, 2), DigitOrder.Lsb) * 100 + Number(row.Slice(4, 2), DigitOrder.Lsb));
            Assert.True(source.IsHeldOut(0, key));
            Assert.True(keys.Add(key), "evaluation problems are distinct");
            Assert.Equal(Number(row.Slice(1, 2), DigitOrder.Lsb) + Number(row.Slice(4, 2), DigitOrder.Lsb), Number(eval.Answer(i), DigitOrder.Lsb));
        }
        // The same set for every run; a small task gives what it has (10^4 problems, about 1/8 of them held out).
        Assert.Equal(eval.Rows, source.EvaluationSet(0, Context).Rows);
        var small = Open("tasks:addition=1,eval=500").EvaluationSet(0, Context);
        Assert.InRange(small.Examples, 1, 40);
    }

    [Fact]
    public void SpecsRoundTripAndBadOnesNameTheProblem()
    {
        var o = TaskSourceOptions.Parse("tasks:addition=4,reverse=7*0.5,distractor=9,prior=0.8,order=msb,rate=0.5,seed=3,eval=100");
        Assert.Equal(new TaskSourceOptions { Addition = 4, Reverse = 7, ReverseWeight = 0.5, Distractor = 9, Prior = 0.8, Order = DigitOrder.Msb, Rate = 0.5, Seed = 3, Evaluation = 100 }, o);
        Assert.Equal(o, TaskSourceOptions.Parse(o.ToString()));
        Assert.Equal(["addition-4", "reverse-7", "distractor-9"], o.CreateTasks().Select(t => t.Name));
        Assert.Equal(DataSourceKind.Tasks, DataSourceSpec.Parse("tasks:addition=3").Kind);
        Assert.Equal(DataSourceKind.Markov, DataSourceSpec.Parse("synthetic").Kind);
        Assert.Throws<InputException>(() => Open("tasks:addition=3").CheckFits(12));
        Open("tasks:addition=3").CheckFits(13);
    }

    [Theory]
    [InlineData("tasks", "name at least one task")]
    [InlineData("tasks:addition=0", "1 to 9 digits")]
    [InlineData("tasks:addition=3,rate=0", "rate must be in (0, 1]")]
    [InlineData("tasks:addition=3,order=up", "order='up'")]
    [InlineData("tasks:addition=3,digits=2", "unknown tasks option 'digits'")]
    [InlineData("tasks:addition=three", "addition='three' is not a valid number")]
    [InlineData("tasks:distractor=8,prior=1", "prior must be in [0, 1)")]
    [InlineData("tasks:addition=3*0", "weight must be a positive number")]
    [InlineData("tasks:addition=3*x", "addition='x' is not a valid number")]
    public void BadTaskSpecsNameTheProblem(string spec, string message)
    {
        var e = Assert.Throws<InputException>(() => DataSourceSpec.Parse(spec));
        Assert.Contains(message, e.Message);
        Assert.StartsWith("data", e.Message);
        Assert.Equal("data", e.Parameters[0]);
    }
}
