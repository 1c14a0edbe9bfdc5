namespace ScaleSim.Training.Backends.Cpu;

/// <summary>
/// A fixed set of worker threads that run <see cref="ParallelWork"/> chunks with the caller as worker 0. Chunks are
/// handed out dynamically, and the caller waits only for workers that actually joined the region, never for one
/// that is asleep or not yet scheduled — so a busy machine slows a region down to the caller's own speed instead of
/// stalling it. Idle workers spin briefly (a training step opens ~100 regions, microseconds apart) and then block,
/// so an idle backend does not burn a core. With one thread there are no workers and no synchronisation.
/// </summary>
/// <remarks>
/// Protocol per region: the caller publishes the work, opens generation g and drains chunks; it then closes g and
/// waits until no worker is active. A worker that sees g increments the active count and only then checks that g is
/// still open; if it is not, it backs off. So the caller never returns while a worker can still touch g's work.
/// </remarks>
internal sealed class WorkerPool : IDisposable
{
    private const int SpinsBeforeBlocking = 4000;
    private const int Closed = -1;

    private readonly Thread[] _threads;
    private readonly ManualResetEventSlim[] _wake;
    private readonly int[] _sleeping;
    private ParallelWork? _work;
    private int _chunks;
    private int _nextChunk;
    private int _active;
    private int _generation;
    private int _open = Closed;
    private volatile bool _disposed;
    private Exception? _failure;

    public WorkerPool(int threads)
    {
        if (threads <= 0) throw new ArgumentOutOfRangeException(nameof(threads), threads, "must be positive");
        Threads = threads;
        _threads = new Thread[threads - 1];
        _wake = new ManualResetEventSlim[threads - 1];
        _sleeping = new int[threads - 1];
        for (int i = 0; i < _threads.Length; i++)
        {
            _wake[i] = new ManualResetEventSlim(false, spinCount: 1);
            int worker = i + 1;
            _threads[i] = new Thread(() => WorkerLoop(worker)) { IsBackground = true, Name = $"scalesim-cpu-{worker}" };
            _threads[i].Start();
        }
    }

    /// <summary>Workers including the calling thread.</summary>
    public int Threads { get; }

    /// <summary>Runs chunks 0..<paramref name="chunks"/>−1 of <paramref name="work"/>, each exactly once, and returns when all are done.</summary>
    public void Run(ParallelWork work, int chunks)
    {
        if (Threads == 1 || chunks <= 1)
        {
            for (int c = 0; c < chunks; c++) work.Execute(c, 0);
            return;
        }

        _work = work;
        _chunks = chunks;
        _nextChunk = 0;
        _failure = null;
        int generation = _generation + 1;
        Volatile.Write(ref _open, generation);
        Volatile.Write(ref _generation, generation);
        for (int i = 0; i < _threads.Length; i++)
        {
            if (Volatile.Read(ref _sleeping[i]) == 1 && Interlocked.Exchange(ref _sleeping[i], 0) == 1) _wake[i].Set();
        }

        Drain(0);
        Volatile.Write(ref _open, Closed);
        Interlocked.MemoryBarrier();
        var spin = new SpinWait();
        while (Volatile.Read(ref _active) != 0) spin.SpinOnce(sleep1Threshold: -1);
        _work = null;
        if (_failure is { } failure) throw new AggregateException("a CPU backend worker failed", failure);
    }

    private void Drain(int worker)
    {
        var work = _work!;
        int chunks = _chunks;
        try
        {
            while (true)
            {
                int chunk = Interlocked.Increment(ref _nextChunk) - 1;
                if (chunk >= chunks) return;
                work.Execute(chunk, worker);
            }
        }
        catch (Exception e)
        {
            Interlocked.CompareExchange(ref _failure, e, null);
            Volatile.Write(ref _nextChunk, chunks);
        }
    }

    private void WorkerLoop(int worker)
    {
        int slot = worker - 1;
        int seen = 0;
        while (true)
        {
            int spins = 0;
            while (Volatile.Read(ref _generation) == seen && !_disposed)
            {
                if (++spins < SpinsBeforeBlocking)
                {
                    Thread.SpinWait(10);
                    continue;
                }

                _wake[slot].Reset();
                Interlocked.Exchange(ref _sleeping[slot], 1);
                if (Volatile.Read(ref _generation) != seen || _disposed)
                {
                    Interlocked.Exchange(ref _sleeping[slot], 0);
                    break;
                }
                _wake[slot].Wait();
                spins = 0;
            }

            if (_disposed) return;
            seen = Volatile.Read(ref _generation);
            Interlocked.Increment(ref _active);
            if (Volatile.Read(ref _open) == seen) Drain(worker);
            Interlocked.Decrement(ref _active);
        }
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        foreach (var wake in _wake) wake.Set();
        foreach (var thread in _threads) thread.Join();
        foreach (var wake in _wake) wake.Dispose();
    }
}
