namespace ScaleSim.Plotting.Tests;

public class HistogramBinsTests
{
    [Fact]
    public void CountsEverySampleOnceIncludingTheMaximum()
    {
        double[] samples = [0, 0.1, 0.25, 0.5, 0.75, 0.99, 1];

        HistogramBins bins = HistogramBins.FromSamples(samples, 4);

        Assert.Equal([0, 0.25, 0.5, 0.75, 1], bins.Edges);
        Assert.Equal([2, 1, 1, 3], bins.Counts);
        Assert.Equal(0.25, bins.BinWidth, 12);
        Assert.Equal(0.125, bins.Center(0), 12);
    }

    [Fact]
    public void EqualSamplesGetAWindowAroundThem()
    {
        HistogramBins bins = HistogramBins.FromSamples([2.0, 2.0, 2.0], 5);
        Assert.Equal(3, bins.Counts.Sum());
        Assert.True(bins.Edges[0] < 2 && bins.Edges[^1] > 2);
    }

    [Fact]
    public void RejectsBadInput()
    {
        Assert.Throws<ArgumentException>(() => HistogramBins.FromSamples([], 5));
        Assert.Throws<ArgumentException>(() => HistogramBins.FromSamples([1, double.NaN], 5));
        Assert.Throws<ArgumentException>(() => HistogramBins.FromSamples([1, 2], 0));
    }
}
