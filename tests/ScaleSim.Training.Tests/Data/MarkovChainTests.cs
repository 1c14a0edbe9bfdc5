using ScaleSim.Training.Data;

namespace ScaleSim.Training.Tests.Data;

public class MarkovChainTests
{
    private static double H(double p) => p <= 0 || p >= 1 ? 0 : -p * Math.Log(p) - (1 - p) * Math.Log(1 - p);

    [Fact]
    public void TwoStateChainHasTheTextbookStationaryDistributionAndEntropyRate()
    {
        // P = [[1-a, a], [b, 1-b]]: π = (b, a)/(a+b), H = π₀·h(a) + π₁·h(b).
        double a = 0.3, b = 0.1;
        var chain = new MarkovChain(1, 2, [([0, 1], [1 - a, a]), ([0, 1], [b, 1 - b])]);
        Assert.Equal(b / (a + b), chain.Stationary[0], 12);
        Assert.Equal(a / (a + b), chain.Stationary[1], 12);
        Assert.Equal(b / (a + b) * H(a) + a / (a + b) * H(b), chain.EntropyRate, 12);
        Assert.Equal(H(b / (a + b)), chain.UnigramEntropy, 12);
        Assert.Equal(chain.EntropyRate, chain.EntropyFloor(50), 12);
    }

    [Fact]
    public void PeriodicChainConvergesThroughTheLazyIteration()
    {
        // 0 → 1 → 0 deterministically: period 2, plain power iteration would oscillate forever.
        var chain = new MarkovChain(1, 2, [([1], [1.0]), ([0], [1.0])]);
        Assert.Equal(0.5, chain.Stationary[0], 12);
        Assert.Equal(0.0, chain.EntropyRate, 12);
    }

    [Fact]
    public void OrderTwoCopyWithNoiseChainHasHandComputedEntropies()
    {
        // x_{t+1} = x_{t-1} flipped with probability e: the odd and even positions are two independent binary chains,
        // so the stationary law is uniform, H = h(e), X₂ is independent of X₁ (H(X₂|X₁) = ln 2), and a model at context
        // T faces ln 2 at its first prediction and h(e) at every other one.
        double e = 0.2;
        var rows = new (int[], double[])[4];
        for (int context = 0; context < 4; context++)
        {
            int older = context / 2;
            rows[context] = ([0, 1], older == 0 ? [1 - e, e] : [e, 1 - e]);
        }
        var chain = new MarkovChain(2, 2, rows);
        foreach (double p in chain.Stationary) Assert.Equal(0.25, p, 12);
        Assert.Equal(H(e), chain.EntropyRate, 12);
        Assert.Equal(Math.Log(2), chain.UnigramEntropy, 12);
        Assert.Equal(Math.Log(2), chain.ConditionalEntropy(1), 12);
        Assert.Equal((Math.Log(2) + 15 * H(e)) / 16, chain.EntropyFloor(16), 12);

        var p1 = new double[2];
        chain.Predictive([1], p1);
        Assert.Equal(0.5, p1[0], 12);
        var p2 = new double[2];
        chain.Predictive([1, 0], p2);
        Assert.Equal(e, p2[0], 12);
    }

    [Fact]
    public void DefaultSourceIsThePilotsKindOfChain()
    {
        var chain = RandomMarkovChain.Create(new MarkovSourceOptions());
        Assert.Equal(4096, chain.Contexts);
        for (int c = 0; c < chain.Contexts; c++)
        {
            Assert.InRange(chain.Successors(c).Length, 2, 8);
            double sum = 0;
            foreach (double p in chain.Probabilities(c)) sum += p;
            Assert.Equal(1.0, sum, 12);
        }
        Assert.Equal(1.0, chain.Stationary.Sum(), 12);
        // The pilot's seed-0 chain (numpy draws) had H = 0.98, unigram 3.43, order-1 conditional 2.69, 3556 recurrent
        // contexts; ScaleSim's generator draws differently but from the same distribution.
        Assert.InRange(chain.EntropyRate, 0.8, 1.2);
        Assert.InRange(chain.UnigramEntropy, 3.2, 3.7);
        Assert.InRange(chain.ConditionalEntropy(1), 2.5, 3.0);
        Assert.InRange(chain.RecurrentContexts, 3300, 3800);
        Assert.True(chain.EntropyRate < chain.ConditionalEntropy(1) && chain.ConditionalEntropy(1) < chain.UnigramEntropy);
    }

    [Fact]
    public void StructureIsAFunctionOfTheSeed()
    {
        var options = new MarkovSourceOptions(Vocab: 16);
        Assert.Equal(RandomMarkovChain.Create(options).EntropyRate, RandomMarkovChain.Create(options).EntropyRate);
        Assert.NotEqual(RandomMarkovChain.Create(options).EntropyRate, RandomMarkovChain.Create(options with { Seed = 1 }).EntropyRate);
    }

    [Fact]
    public void SampledSequencesHaveTheComputedEntropyRate()
    {
        // The mean surprisal −log P(x_{t+1} | context) of sampled tokens estimates the entropy rate; this ties the
        // sampler to the transition table the entropy is computed from.
        var source = new MarkovSource(new MarkovSourceOptions(Vocab: 16, Seed: 3));
        var chain = source.Chain;
        const int batch = 64, context = 64;
        var inputs = new int[batch * context];
        var targets = new int[batch * context];
        double surprisal = 0;
        long count = 0;
        var p = new double[chain.Vocab];
        for (long step = 0; step < 40; step++)
        {
            source.TrainingBatch(seed: 5, step, batch, context, inputs, targets);
            for (int b = 0; b < batch; b++)
                for (int t = 1; t < context; t++)
                {
                    chain.Predictive(inputs.AsSpan(b * context + t - 1, 2), p);
                    surprisal -= Math.Log(p[targets[b * context + t]]);
                    count++;
                }
        }
        Assert.Equal(chain.EntropyRate, surprisal / count, 1e-2 + 0.01 * chain.EntropyRate);
    }

    [Fact]
    public void TrainingBatchesArePureFunctionsOfSeedAndStep()
    {
        var source = new MarkovSource(new MarkovSourceOptions(Vocab: 16));
        int[] Batch(ulong seed, long step)
        {
            var inputs = new int[4 * 8];
            var targets = new int[4 * 8];
            source.TrainingBatch(seed, step, 4, 8, inputs, targets);
            for (int i = 0; i < inputs.Length; i++)
                if (i % 8 != 7) Assert.Equal(targets[i], inputs[i + 1]);
            return [.. inputs, .. targets];
        }
        Assert.Equal(Batch(1, 10), Batch(1, 10));
        Assert.NotEqual(Batch(1, 10), Batch(1, 11));
        Assert.NotEqual(Batch(1, 10), Batch(2, 10));
    }

    [Fact]
    public void ValidationSetIsFixedAndItsFloorMatchesTheEntropyFloor()
    {
        var source = new MarkovSource(new MarkovSourceOptions());
        var a = source.Validation(batch: 16, context: 64, sequences: 200);
        var b = source.Validation(batch: 16, context: 64, sequences: 200);
        Assert.Equal(208, a.Sequences);
        Assert.Equal(a.Inputs, b.Inputs);
        Assert.NotNull(a.TrueDistributions);
        for (int pos = 0; pos < 50; pos++) Assert.Equal(1.0, a.TrueDistributions.Skip(pos * 64).Take(64).Sum(x => (double)x), 5);
        Assert.Equal(source.Chain.EntropyFloor(64), a.Floor!.Value, 0.03 * source.Chain.EntropyFloor(64));
    }
}
