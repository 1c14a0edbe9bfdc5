using ScaleSim.Training.Data;

namespace ScaleSim.Training.Tasks;

/// <summary>
/// Training data made of task examples, optionally mixed with a Markov background. Each training sequence is, with
/// probability <see cref="TaskSourceOptions.Rate"/>, a task sequence — a separator, then examples of tasks drawn in
/// proportion to their weights, each followed by a separator, cut at the context length — and otherwise a sequence of the default Markov
/// source with its tokens shifted past <see cref="TaskTokens"/>. Every problem whose hashed key falls in one of
/// <see cref="HeldOutShare"/> buckets is held out: training never shows it, and the evaluation sets are drawn from those
/// problems only. Batches are a pure function of (run seed, step), as for <see cref="MarkovSource"/>.
/// </summary>
public sealed class TaskSource : ITokenSource, ISequenceSampler
{
    /// <summary>One problem in this many is held out of training for evaluation.</summary>
    public const int HeldOutShare = 8;

    /// <summary>Stream id of training batches (indexed by step).</summary>
    public const ulong TrainingStream = 5;

    /// <summary>Stream id of the validation sequences (seeded by the source).</summary>
    public const ulong ValidationStream = 6;

    /// <summary>Stream id of the evaluation sets (indexed by task).</summary>
    public const ulong EvaluationStream = 7;

    /// <summary>Stream id of the held-out hash (indexed by problem key).</summary>
    public const ulong HeldOutStream = 8;

    private readonly MarkovSource? _background;
    private readonly double[] _cumulativeWeights;
    private readonly ulong[] _taskSalts;
    private readonly int _longestExample;
    private readonly bool _equalWeights;

    /// <summary>The source <paramref name="options"/> describe.</summary>
    public TaskSource(TaskSourceOptions options)
    {
        options.Validate();
        Options = options;
        var weighted = options.CreateWeightedTasks();
        Tasks = weighted.Select(t => t.Task).ToList();
        double total = weighted.Sum(t => t.Weight), running = 0;
        _cumulativeWeights = weighted.Select(t => (running += t.Weight) / total).ToArray();
        // The rule from before the memo trap existed, unchanged for specs without it, so that they draw the same batches.
        _equalWeights = options.AdditionWeight == options.ReverseWeight && options.ReverseWeight == options.DistractorWeight
            && (options.Memo is null || options.MemoWeight == options.DistractorWeight);
        _background = options.Rate < 1 ? new MarkovSource(new MarkovSourceOptions()) : null;
        _taskSalts = Tasks.Select(t => Salt(t.Name)).ToArray();
        _longestExample = Tasks.Max(t => t.PromptLength + t.AnswerLength);
    }

    /// <summary>The knobs.</summary>
    public TaskSourceOptions Options { get; }

    /// <summary>The tasks, in spec order.</summary>
    public IReadOnlyList<ISyntheticTask> Tasks { get; }

    /// <inheritdoc />
    public string Description => Options.ToString();

    /// <inheritdoc />
    public int Vocab => TaskTokens.Count + (_background?.Vocab ?? 0);

    /// <inheritdoc />
    public double? EntropyRate => null;

    /// <inheritdoc />
    public double? UnigramEntropy => null;

    /// <inheritdoc />
    public double? EntropyFloor(int context) => null;

    /// <summary>Throws <see cref="InputException"/> unless a whole example and its closing separator fit in <paramref name="context"/> tokens.</summary>
    public void CheckFits(int context)
    {
        if (_longestExample + 1 > context)
            throw InputException.About($"{InputName.Of("context")} {context} is too short for the tasks: the longest example has {_longestExample} tokens, so the context must be at least {_longestExample + 1}");
    }

    /// <summary>Whether the problem with <paramref name="key"/> of task number <paramref name="task"/> is held out of training.</summary>
    public bool IsHeldOut(int task, ulong key) =>
        Tasks[task].CanBeHeldOut(key) && Xoshiro256.ForStream(Options.Seed ^ _taskSalts[task], HeldOutStream, key).NextUInt64() % HeldOutShare == 0;

    /// <summary>Writes one training-distribution sequence (task or background) of <paramref name="tokens"/>.Length tokens.</summary>
    public void Sequence(ref Xoshiro256 rng, Span<int> tokens)
    {
        if (_background is not null && rng.NextDouble() >= Options.Rate)
        {
            _background.Sequence(ref rng, tokens);
            for (int i = 0; i < tokens.Length; i++) tokens[i] += TaskTokens.Count;
            return;
        }
        Span<int> example = stackalloc int[_longestExample];
        tokens[0] = TaskTokens.Separator;
        int position = 1;
        while (position < tokens.Length)
        {
            int t = PickTask(ref rng);
            var task = Tasks[t];
            var written = example[..(task.PromptLength + task.AnswerLength)];
            while (IsHeldOut(t, task.Write(ref rng, evaluation: false, written))) { }
            int take = Math.Min(written.Length, tokens.Length - position);
            written[..take].CopyTo(tokens[position..]);
            position += take;
            if (position < tokens.Length) tokens[position++] = TaskTokens.Separator;
        }
    }

    // Uniform tasks take one integer draw; weighted ones one uniform draw against the cumulative weights.
    private int PickTask(ref Xoshiro256 rng)
    {
        if (Tasks.Count == 1) return 0;
        if (_equalWeights) return rng.NextInt(Tasks.Count);
        double u = rng.NextDouble();
        int t = 0;
        while (t < _cumulativeWeights.Length - 1 && u >= _cumulativeWeights[t]) t++;
        return t;
    }

    /// <inheritdoc />
    public void TrainingBatch(ulong seed, long step, int batch, int context, Span<int> inputs, Span<int> targets)
    {
        var rng = Xoshiro256.ForStream(seed, TrainingStream, (ulong)step);
        SequenceRows.Fill(this, ref rng, batch, context, inputs, targets);
    }

    /// <summary>Held-out sequences of the training mixture, scored by ordinary cross-entropy (no floor is known).</summary>
    public ValidationSet Validation(int batch, int context, int sequences)
    {
        int count = Math.Max(1, (sequences + batch - 1) / batch) * batch;
        var rng = Xoshiro256.ForStream(Options.Seed, ValidationStream);
        var inputs = new int[count * context];
        var targets = new int[count * context];
        SequenceRows.Fill(this, ref rng, count, context, inputs, targets);
        return new ValidationSet(count, context, inputs, targets, null, null);
    }

    /// <summary>
    /// The fixed evaluation set of task number <paramref name="task"/>: up to <see cref="TaskSourceOptions.Evaluation"/>
    /// distinct held-out problems drawn from the task's evaluation distribution, each alone in a sequence of
    /// <paramref name="context"/> + 1 tokens (separator, prompt, answer, then separators). The same for every run.
    /// </summary>
    public TaskEvaluationSet EvaluationSet(int task, int context)
    {
        CheckFits(context);
        var t = Tasks[task];
        int length = t.PromptLength + t.AnswerLength;
        var rng = Xoshiro256.ForStream(Options.Seed, EvaluationStream, (ulong)task);
        var seen = new HashSet<ulong>();
        var rows = new List<int>();
        var example = new int[length];
        var row = new int[context + 1];
        // Give up after many draws without a new problem: the task has fewer held-out problems than asked for.
        for (int misses = 0; seen.Count < Options.Evaluation && misses < 64 * HeldOutShare;)
        {
            ulong key = t.Write(ref rng, evaluation: true, example);
            if (!IsHeldOut(task, key) || !seen.Add(key))
            {
                misses++;
                continue;
            }
            misses = 0;
            Array.Fill(row, TaskTokens.Separator);
            example.CopyTo(row, 1);
            rows.AddRange(row);
        }
        return new TaskEvaluationSet(t, context, seen.Count, [.. rows]);
    }

    // FNV-1a of the task's name, so each task's held-out split is independent and does not depend on the spec's order.
    private static ulong Salt(string name)
    {
        ulong h = 14695981039346656037UL;
        foreach (char c in name) h = (h ^ c) * 1099511628211UL;
        return h;
    }
}
