using ScaleSim.Training.Backends.Cpu;

namespace ScaleSim.Training.Tests.Backends;

public class WorkerPoolTests
{
    private sealed class CountingWork : ParallelWork
    {
        public int[] Counts = new int[64];
        public int ThrowAt = -1;

        public override void Execute(int chunk, int worker)
        {
            if (chunk == ThrowAt) throw new InvalidOperationException("boom");
            Interlocked.Increment(ref Counts[chunk]);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void EveryChunkRunsExactlyOncePerRegion(int threads)
    {
        using var pool = new WorkerPool(threads);
        var work = new CountingWork();
        var rng = new Xoshiro256(1);
        for (int region = 0; region < 2000; region++)
        {
            int chunks = 1 + rng.NextInt(64);
            Array.Clear(work.Counts);
            pool.Run(work, chunks);
            for (int c = 0; c < 64; c++) Assert.Equal(c < chunks ? 1 : 0, work.Counts[c]);
            if (region % 500 == 499) Thread.Sleep(5);  // let workers fall asleep and wake again
        }
    }

    [Fact]
    public void AFailingChunkSurfacesAndThePoolKeepsWorking()
    {
        using var pool = new WorkerPool(2);
        var work = new CountingWork { ThrowAt = 5 };
        Assert.Throws<AggregateException>(() => pool.Run(work, 20));
        work.ThrowAt = -1;
        Array.Clear(work.Counts);
        pool.Run(work, 20);
        Assert.All(work.Counts.Take(20), c => Assert.Equal(1, c));
    }
}
