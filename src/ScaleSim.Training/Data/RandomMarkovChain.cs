namespace ScaleSim.Training.Data;

/// <summary>Draws the transition structure of a <see cref="MarkovChain"/> from <see cref="MarkovSourceOptions"/>.</summary>
public static class RandomMarkovChain
{
    /// <summary>Stream id of the structure draws.</summary>
    public const ulong Stream = 2;

    /// <summary>
    /// Token popularity: a random permutation assigns each token a rank r (1-based) and weight 1/r^s. Then, context by
    /// context in order: S ~ Uniform{smin..smax} (at most V), S distinct successors drawn one at a time with
    /// probability ∝ weight among those not yet drawn, weights w_i ~ Gamma(α) normalised (a Dirichlet(α) draw),
    /// floored at 1e-6 and renormalised; successors stored in ascending token order.
    /// </summary>
    public static MarkovChain Create(MarkovSourceOptions options)
    {
        options.Validate();
        int v = options.Vocab, contexts = MarkovChain.ContextCount(options.Order, v);
        var rng = Xoshiro256.ForStream(options.Seed, Stream);

        var ranks = Enumerable.Range(0, v).ToArray();
        for (int i = v - 1; i > 0; i--)
        {
            int j = rng.NextInt(i + 1);
            (ranks[i], ranks[j]) = (ranks[j], ranks[i]);
        }
        var popularity = new double[v];
        for (int token = 0; token < v; token++) popularity[token] = 1.0 / Math.Pow(ranks[token] + 1, options.ZipfExponent);

        var rows = new (int[] Tokens, double[] Probabilities)[contexts];
        var available = new double[v];
        for (int c = 0; c < contexts; c++)
        {
            int s = Math.Min(v, options.MinSuccessors + rng.NextInt(options.MaxSuccessors - options.MinSuccessors + 1));
            Array.Copy(popularity, available, v);
            var tokens = new int[s];
            for (int i = 0; i < s; i++)
            {
                double total = 0;
                foreach (double w in available) total += w;
                double u = rng.NextDouble() * total;
                int pick = -1;
                for (int token = 0; token < v; token++)
                {
                    if (available[token] == 0) continue;
                    pick = token;
                    u -= available[token];
                    if (u < 0) break;
                }
                tokens[i] = pick;
                available[pick] = 0;
            }

            var weights = new double[s];
            double sum = 0;
            for (int i = 0; i < s; i++) sum += weights[i] = rng.NextGamma(options.DirichletAlpha);
            double floored = 0;
            for (int i = 0; i < s; i++) floored += weights[i] = Math.Max(weights[i] / sum, MarkovSourceOptions.ProbabilityFloor);
            for (int i = 0; i < s; i++) weights[i] /= floored;
            Array.Sort(tokens, weights);
            rows[c] = (tokens, weights);
        }
        return new MarkovChain(options.Order, v, rows);
    }
}
