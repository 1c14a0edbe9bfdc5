namespace ScaleSim.Training.Data;

/// <summary>
/// An order-k Markov chain over a vocabulary of V tokens, stored sparsely: each of the V^k contexts lists its
/// successor tokens and their probabilities. Computes its stationary distribution and, from it, the exact entropy
/// rate — the irreducible loss of any model trained on it — plus the block entropies a model with a short prefix
/// faces at the start of a sequence.
/// </summary>
/// <remarks>
/// A context is the base-V number of its last k tokens, oldest most significant: c = x₁·V^(k−1) + … + x_k, and
/// appending y gives c' = (c·V + y) mod V^k. Entropies are in nats.
/// </remarks>
public sealed class MarkovChain
{
    private const double ConvergenceTolerance = 1e-14;
    private const int MaxIterations = 1_000_000;

    private readonly int[] _start;
    private readonly int[] _successors;
    private readonly double[] _probabilities;
    private double[]? _stationary;
    private double[][]? _prefixMarginals;

    /// <summary>
    /// Builds a chain from explicit rows: <paramref name="rows"/>[c] lists context c's successors and their
    /// probabilities (each row must sum to 1 within 1e-9; it is renormalised exactly).
    /// </summary>
    public MarkovChain(int order, int vocab, IReadOnlyList<(int[] Tokens, double[] Probabilities)> rows)
    {
        if (order <= 0) throw new ArgumentOutOfRangeException(nameof(order), order, "must be positive");
        if (vocab <= 1) throw new ArgumentOutOfRangeException(nameof(vocab), vocab, "must be at least 2");
        Order = order;
        Vocab = vocab;
        Contexts = ContextCount(order, vocab);
        if (rows.Count != Contexts) throw new ArgumentException($"expected {Contexts} rows (V^k), got {rows.Count}", nameof(rows));
        _start = new int[Contexts + 1];
        var successors = new List<int>();
        var probabilities = new List<double>();
        for (int c = 0; c < Contexts; c++)
        {
            var (tokens, p) = rows[c];
            if (tokens.Length == 0 || tokens.Length != p.Length) throw new ArgumentException($"context {c}: needs matching, non-empty successors and probabilities");
            double sum = p.Sum();
            if (Math.Abs(sum - 1) > 1e-9 || p.Any(x => !(x > 0))) throw new ArgumentException($"context {c}: probabilities must be positive and sum to 1 (sum {sum})");
            if (tokens.Any(t => (uint)t >= (uint)vocab) || tokens.Distinct().Count() != tokens.Length)
                throw new ArgumentException($"context {c}: successors must be distinct tokens in [0, {vocab})");
            successors.AddRange(tokens);
            probabilities.AddRange(p.Select(x => x / sum));
            _start[c + 1] = successors.Count;
        }
        _successors = [.. successors];
        _probabilities = [.. probabilities];
    }

    /// <summary>k.</summary>
    public int Order { get; }

    /// <summary>V.</summary>
    public int Vocab { get; }

    /// <summary>V^k.</summary>
    public int Contexts { get; }

    /// <summary>V^k, or an exception when it exceeds 2²⁴ contexts.</summary>
    public static int ContextCount(int order, int vocab)
    {
        double count = Math.Pow(vocab, order);
        if (count > 1 << 24) throw InputException.About($"{InputName.Of("data")}: a Markov source with V={vocab}, k={order} has {count:G3} contexts (at most 2^24)");
        return (int)count;
    }

    /// <summary>Successor tokens of context <paramref name="context"/>.</summary>
    public ReadOnlySpan<int> Successors(int context) => _successors.AsSpan(_start[context], _start[context + 1] - _start[context]);

    /// <summary>Their probabilities.</summary>
    public ReadOnlySpan<double> Probabilities(int context) => _probabilities.AsSpan(_start[context], _start[context + 1] - _start[context]);

    /// <summary>The context after appending <paramref name="token"/>.</summary>
    public int Next(int context, int token) => (int)(((long)context * Vocab + token) % Contexts);

    /// <summary>
    /// The stationary distribution over contexts by power iteration of the lazy chain ½(I + P), started uniform and
    /// run until the L1 change is below 1e-14. The lazy chain has the same stationary distributions as P and is
    /// aperiodic, so the iteration converges; transient contexts end with probability ~0.
    /// </summary>
    public IReadOnlyList<double> Stationary => _stationary ??= ComputeStationary();

    /// <summary>Power-iteration steps the stationary distribution took.</summary>
    public int StationaryIterations { get; private set; }

    /// <summary>Contexts with stationary probability above 1e-12.</summary>
    public int RecurrentContexts => Stationary.Count(p => p > 1e-12);

    /// <summary>The entropy rate H = Σ_c π(c)·H(next | c): the loss floor of a model that sees at least k tokens of context.</summary>
    public double EntropyRate
    {
        get
        {
            var pi = Stationary;
            double h = 0;
            for (int c = 0; c < Contexts; c++)
            {
                if (pi[c] == 0) continue;
                h += pi[c] * Entropy(Probabilities(c));
            }
            return h;
        }
    }

    /// <summary>Entropy of the stationary single-token distribution (the loss of the best context-free model).</summary>
    public double UnigramEntropy => BlockEntropy(1);

    /// <summary>Entropy H(X₁…X_j) of j consecutive tokens under the stationary law, for 1 ≤ j ≤ k.</summary>
    public double BlockEntropy(int length)
    {
        if (length < 1 || length > Order) throw new ArgumentOutOfRangeException(nameof(length), length, $"must be in [1, {Order}]");
        return Entropy(PrefixMarginal(length));
    }

    /// <summary>H(X_{j+1} | X₁…X_j) for 0 ≤ j: the floor at the (j+1)-th prediction of a sequence; equals the entropy rate for j ≥ k.</summary>
    public double ConditionalEntropy(int prefixLength)
    {
        if (prefixLength >= Order) return EntropyRate;
        if (prefixLength == 0) return UnigramEntropy;
        return BlockEntropy(prefixLength + 1) - BlockEntropy(prefixLength);
    }

    /// <summary>
    /// The irreducible loss of a model trained at context <paramref name="context"/> on sequences started from the
    /// stationary law: the mean over positions t = 0…T−1 of H(X_{t+2} | X₁…X_{t+1}) — the entropy rate at every
    /// position that sees k tokens, a little more at the first k−1.
    /// </summary>
    public double EntropyFloor(int context)
    {
        double sum = 0;
        for (int t = 0; t < context; t++) sum += ConditionalEntropy(t + 1);
        return sum / context;
    }

    /// <summary>
    /// The Bayes-optimal next-token distribution given the first <paramref name="prefix"/>.Length tokens of a
    /// stationary sequence (the context row once there are k of them), written densely into <paramref name="destination"/>.
    /// </summary>
    public void Predictive(ReadOnlySpan<int> prefix, Span<double> destination)
    {
        destination.Clear();
        if (prefix.Length >= Order)
        {
            int c = 0;
            foreach (int token in prefix[^Order..]) c = c * Vocab + token;
            var s = Successors(c);
            var p = Probabilities(c);
            for (int i = 0; i < s.Length; i++) destination[s[i]] = p[i];
            return;
        }

        int j = prefix.Length, code = 0;
        foreach (int token in prefix) code = code * Vocab + token;
        var next = PrefixMarginal(j + 1);
        double denominator = 0;
        for (int y = 0; y < Vocab; y++) denominator += next[code * Vocab + y];
        if (denominator <= 0)
        {
            // A prefix of probability zero under the stationary law; fall back to the single-token marginal.
            var uni = PrefixMarginal(1);
            for (int y = 0; y < Vocab; y++) destination[y] = uni[y];
            return;
        }
        for (int y = 0; y < Vocab; y++) destination[y] = next[code * Vocab + y] / denominator;
    }

    /// <summary>Draws a context from the stationary distribution; <paramref name="cumulative"/> is <see cref="CumulativeStationary"/>.</summary>
    public static int SampleContext(ref Xoshiro256 rng, double[] cumulative)
    {
        double u = rng.NextDouble() * cumulative[^1];
        int index = Array.BinarySearch(cumulative, u);
        if (index < 0) index = ~index;
        return Math.Min(index, cumulative.Length - 1);
    }

    /// <summary>Running sums of <see cref="Stationary"/>.</summary>
    public double[] CumulativeStationary()
    {
        var pi = Stationary;
        var cumulative = new double[Contexts];
        double sum = 0;
        for (int c = 0; c < Contexts; c++) cumulative[c] = sum += pi[c];
        return cumulative;
    }

    /// <summary>Draws the successor of <paramref name="context"/>.</summary>
    public int SampleNext(ref Xoshiro256 rng, int context)
    {
        var s = Successors(context);
        var p = Probabilities(context);
        double u = rng.NextDouble();
        for (int i = 0; i < s.Length - 1; i++)
        {
            u -= p[i];
            if (u < 0) return s[i];
        }
        return s[^1];
    }

    /// <summary>Shannon entropy (nats) of a distribution.</summary>
    public static double Entropy(ReadOnlySpan<double> p)
    {
        double h = 0;
        foreach (double x in p)
        {
            if (x > 0) h -= x * Math.Log(x);
        }
        return h;
    }

    private double[] ComputeStationary()
    {
        var pi = new double[Contexts];
        var next = new double[Contexts];
        Array.Fill(pi, 1.0 / Contexts);
        for (int iteration = 1; iteration <= MaxIterations; iteration++)
        {
            for (int c = 0; c < Contexts; c++) next[c] = 0.5 * pi[c];
            for (int c = 0; c < Contexts; c++)
            {
                double mass = 0.5 * pi[c];
                if (mass == 0) continue;
                int shifted = (int)((long)c * Vocab % Contexts);
                for (int i = _start[c]; i < _start[c + 1]; i++) next[shifted + _successors[i]] += mass * _probabilities[i];
            }
            double change = 0, total = 0;
            for (int c = 0; c < Contexts; c++)
            {
                change += Math.Abs(next[c] - pi[c]);
                total += next[c];
            }
            for (int c = 0; c < Contexts; c++) pi[c] = next[c] / total;
            if (change < ConvergenceTolerance)
            {
                StationaryIterations = iteration;
                return pi;
            }
        }
        throw new InvalidOperationException($"stationary distribution did not converge in {MaxIterations} iterations");
    }

    /// <summary>π_j: the stationary law of the first j tokens of a context (j ≤ k), indexed by their base-V code.</summary>
    private double[] PrefixMarginal(int length)
    {
        _prefixMarginals ??= new double[Order + 1][];
        if (_prefixMarginals[length] is { } cached) return cached;
        var pi = Stationary;
        int divisor = (int)Math.Pow(Vocab, Order - length);
        var marginal = new double[Contexts / divisor];
        for (int c = 0; c < Contexts; c++) marginal[c / divisor] += pi[c];
        return _prefixMarginals[length] = marginal;
    }
}
