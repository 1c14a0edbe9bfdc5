namespace ScaleSim.Training.Backends.Cpu;

/// <summary>
/// A fixed set of worker threads that run <see cref="ParallelWork"/> chunks with the caller as worker 0. Waits are
/// short spins (a training step opens ~100 parallel regions, a few microseconds apart) that fall back to blocking
/// after ~50 µs idle, so an idle backend does not burn a core. With one thread there are no workers and no
/// synchronisation: <see cref="Run"/> is a plain loop.
/// </summary>
internal sealed class WorkerPool : IDisposable
{
    private const int SpinsBeforeBlocking = 2000;

    private readonly Thread[] _threads;
    private readonly ManualResetEventSlim[] _wake;
    private readonly int[] _sleeping;
    private ParallelWork? _work;
    private int _chunks;
    private int _nextChunk;
    private int _pending;
    private int _generation;
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
        Volatile.Write(ref _pending, _threads.Length);
        Interlocked.Increment(ref _generation);
        for (int i = 0; i < _threads.Length; i++)
        {
            if (Interlocked.Exchange(ref _sleeping[i], 0) == 1) _wake[i].Set();
        }

        Drain(0);
        var spin = new SpinWait();
        while (Volatile.Read(ref _pending) != 0) spin.SpinOnce(sleep1Threshold: -1);
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
                    Thread.SpinWait(20);
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
            Drain(worker);
            Interlocked.Decrement(ref _pending);
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
