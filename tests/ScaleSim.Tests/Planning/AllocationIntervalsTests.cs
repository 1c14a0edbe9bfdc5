using ScaleSim.Laws;
using ScaleSim.Planning;

namespace ScaleSim.Tests.Planning;

public class AllocationIntervalsTests
{
    private static readonly ChinchillaLaw Truth = new(1.8, 480, 2100, 0.35, 0.37);

    // Resampled laws as a bootstrap would give them: each parameter jittered around the truth.
    private static List<ChinchillaLaw> Resamples(int seed, int count)
    {
        var random = new Random(seed);
        double Jitter(double x, double relative) => x * (1 + relative * (2 * random.NextDouble() - 1));
        return Enumerable.Range(0, count)
            .Select(_ => new ChinchillaLaw(Jitter(Truth.E, 0.02), Jitter(Truth.A, 0.2), Jitter(Truth.B, 0.2), Jitter(Truth.Alpha, 0.05), Jitter(Truth.Beta, 0.05)))
            .ToList();
    }

    // Hyndman and Fan's type 8, written out here rather than taken from the code under test.
    private static double Type8(IEnumerable<double> samples, double p)
    {
        var x = samples.Order().ToArray();
        double h = (x.Length + 1.0 / 3) * p + 1.0 / 3;
        if (h <= 1) return x[0];
        if (h >= x.Length) return x[^1];
        int k = (int)Math.Floor(h);
        return x[k - 1] + (h - k) * (x[k] - x[k - 1]);
    }

    [Theory]
    [InlineData(1, 1e21)]
    [InlineData(2, 5.76e23)]
    [InlineData(3, 1e25)]
    public void IntervalsAreThePercentilesOfEachResamplesOwnOptimum(int seed, double flops)
    {
        var resamples = Resamples(seed, 200);
        var plan = ComputePlanner.For(Truth).Optimal(flops);
        var intervals = AllocationIntervals.Of(plan, resamples, p => p.Optimal(flops))!;

        // Brute force: each resample's optimum by the closed form N_opt = G·(C/6)^a, G = (αA/βB)^(1/(α+β)) (Hoffmann et al. 2022, Eq. 4).
        var ns = resamples.Select(l => Math.Pow(l.Alpha * l.A / (l.Beta * l.B), 1 / (l.Alpha + l.Beta)) * Math.Pow(flops / 6, l.Beta / (l.Alpha + l.Beta))).ToList();
        var ds = ns.Select(n => flops / (6 * n)).ToList();
        var losses = resamples.Select((l, i) => l.Loss(ns[i], ds[i])).ToList();

        Assert.Equal(200, intervals.Resamples);
        Assert.Equal(0, intervals.Failed);
        Assert.Equal(1, intervals.Params.Low / Type8(ns, 0.025), 9);
        Assert.Equal(1, intervals.Params.High / Type8(ns, 0.975), 9);
        Assert.Equal(1, intervals.Tokens.Low / Type8(ds, 0.025), 9);
        Assert.Equal(1, intervals.Tokens.High / Type8(ds, 0.975), 9);
        Assert.Equal(1, intervals.Loss.Low / Type8(losses, 0.025), 9);
        Assert.Equal(1, intervals.Loss.High / Type8(losses, 0.975), 9);
        Assert.True(intervals.Params.Low < plan.Params && plan.Params < intervals.Params.High);
    }

    [Fact]
    public void AFixedModelSizeHasNoSpreadInNButInLoss()
    {
        var resamples = Resamples(4, 100);
        var plan = ComputePlanner.For(Truth).AtParams(1e22, 1e9);
        var intervals = AllocationIntervals.Of(plan, resamples, p => p.AtParams(1e22, 1e9))!;
        Assert.Equal(1e9, intervals.Params.Low, 1e-3);
        Assert.Equal(1e9, intervals.Params.High, 1e-3);
        Assert.True(intervals.Loss.High - intervals.Loss.Low > 0.01);
    }
}
