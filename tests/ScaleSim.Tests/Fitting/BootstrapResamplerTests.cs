using ScaleSim.Fitting;

namespace ScaleSim.Tests.Fitting;

public class BootstrapResamplerTests
{
    // A stand-in for drawing and refitting: draw ten row indices and report their mean.
    private static double MeanOfDraws(Random random) => Enumerable.Range(0, 10).Select(_ => random.Next(100)).Average();

    [Fact]
    public void ResultsDoNotDependOnTheNumberOfThreads()
    {
        var one = BootstrapResampler.Run(300, seed: 11, new ParallelOptions { MaxDegreeOfParallelism = 1 }, MeanOfDraws);
        var four = BootstrapResampler.Run(300, seed: 11, new ParallelOptions { MaxDegreeOfParallelism = 4 }, MeanOfDraws);
        Assert.Equal(one, four);
    }

    [Fact]
    public void ResampleIDrawsFromTheGeneratorSeededBySeedAndI()
    {
        var results = BootstrapResampler.Run(50, seed: 3, new ParallelOptions(), MeanOfDraws);
        var expected = Enumerable.Range(0, 50).Select(i => MeanOfDraws(new Random(BootstrapResampler.ResampleSeed(3, i))));
        Assert.Equal(expected, results);
        Assert.NotEqual(results, BootstrapResampler.Run(50, seed: 4, new ParallelOptions(), MeanOfDraws));
    }

    [Theory]
    [InlineData(0, 0, 2065550767)]
    [InlineData(0, 1, 151149761)]
    [InlineData(7, 3, 608795752)]
    [InlineData(-1, 5, 611664028)]
    [InlineData(42, 999, 66940681)]
    public void ResampleSeedsAreTheSplitMix64FinaliserOfSeedAndIndex(int seed, int index, int expected)
    {
        // Pinned: every committed bootstrap interval was drawn with these seeds.
        Assert.Equal(expected, BootstrapResampler.ResampleSeed(seed, index));
    }
}
