namespace ScaleSim.Training.Data;

/// <summary>
/// Sequences from a <see cref="MarkovChain"/>, each started from the stationary distribution over contexts so that
/// every position is stationary and the loss floor is known exactly.
/// </summary>
public sealed class MarkovSource : ITokenSource, ISequenceSampler
{
    /// <summary>Stream id of training batches (indexed by step).</summary>
    public const ulong TrainingStream = 3;

    /// <summary>Stream id of the validation sequences (seeded by the source, not the run).</summary>
    public const ulong ValidationStream = 4;

    private readonly double[] _cumulative;

    /// <summary>The random source described by <paramref name="options"/>.</summary>
    public MarkovSource(MarkovSourceOptions options) : this(RandomMarkovChain.Create(options), options.Seed, options.ToString())
    {
        Options = options;
    }

    /// <summary>A source over an explicit chain (tests, hand-made chains).</summary>
    public MarkovSource(MarkovChain chain, ulong validationSeed = 0, string? description = null)
    {
        Chain = chain;
        ValidationSeed = validationSeed;
        Description = description ?? $"markov:k={chain.Order},V={chain.Vocab}";
        _cumulative = chain.CumulativeStationary();
    }

    /// <summary>The options it was drawn from, when random.</summary>
    public MarkovSourceOptions? Options { get; }

    /// <summary>The chain.</summary>
    public MarkovChain Chain { get; }

    /// <summary>Seed of the validation sequences.</summary>
    public ulong ValidationSeed { get; }

    /// <inheritdoc />
    public string Description { get; }

    /// <inheritdoc />
    public int Vocab => Chain.Vocab;

    /// <inheritdoc />
    public double? EntropyRate => Chain.EntropyRate;

    /// <inheritdoc />
    public double? UnigramEntropy => Chain.UnigramEntropy;

    /// <inheritdoc />
    public double? EntropyFloor(int context) => Chain.EntropyFloor(context);

    /// <summary>Writes one stationary sequence of <paramref name="tokens"/>.Length tokens.</summary>
    public void Sequence(ref Xoshiro256 rng, Span<int> tokens)
    {
        int k = Chain.Order, v = Chain.Vocab;
        int context = MarkovChain.SampleContext(ref rng, _cumulative);
        // The start context's k tokens, oldest first.
        int code = context;
        for (int i = k - 1; i >= 0; i--)
        {
            if (i < tokens.Length) tokens[i] = code % v;
            code /= v;
        }
        for (int i = k; i < tokens.Length; i++)
        {
            int next = Chain.SampleNext(ref rng, context);
            tokens[i] = next;
            context = Chain.Next(context, next);
        }
    }

    /// <inheritdoc />
    public void TrainingBatch(ulong seed, long step, int batch, int context, Span<int> inputs, Span<int> targets)
    {
        var rng = Xoshiro256.ForStream(seed, TrainingStream, (ulong)step);
        SequenceRows.Fill(this, ref rng, batch, context, inputs, targets);
    }

    /// <inheritdoc />
    public ValidationSet Validation(int batch, int context, int sequences)
    {
        int count = Math.Max(1, (sequences + batch - 1) / batch) * batch;
        var rng = Xoshiro256.ForStream(ValidationSeed, ValidationStream);
        var inputs = new int[count * context];
        var targets = new int[count * context];
        var truth = new float[(long)count * context * Vocab];
        var sequence = new int[context + 1];
        var p = new double[Vocab];
        double floor = 0;
        for (int s = 0; s < count; s++)
        {
            Sequence(ref rng, sequence);
            sequence.AsSpan(0, context).CopyTo(inputs.AsSpan(s * context));
            sequence.AsSpan(1, context).CopyTo(targets.AsSpan(s * context));
            for (int t = 0; t < context; t++)
            {
                Chain.Predictive(sequence.AsSpan(0, t + 1), p);
                floor += MarkovChain.Entropy(p);
                long offset = ((long)s * context + t) * Vocab;
                for (int y = 0; y < Vocab; y++) truth[offset + y] = (float)p[y];
            }
        }
        return new ValidationSet(count, context, inputs, targets, truth, floor / ((long)count * context));
    }
}
