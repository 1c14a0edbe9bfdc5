namespace ScaleSim.Training.Backends.Cpu;

/// <summary>
/// A parallel loop body over numbered chunks. Each op keeps one instance per call site, sets its fields and hands it
/// to <see cref="WorkerPool.Run"/>, so a step allocates nothing (no closures, no delegates).
/// </summary>
/// <remarks>
/// Determinism: a chunk's result must not depend on which worker runs it or on how many workers there are. Ops
/// therefore split only over independent outputs (rows, columns, heads, tensor segments) and never split a reduction
/// over workers; sums over rows go through fixed partitions reduced in a fixed order.
/// </remarks>
internal abstract class ParallelWork
{
    /// <summary>Runs chunk <paramref name="chunk"/> on worker <paramref name="worker"/> (0 ≤ worker &lt; pool threads; for scratch buffers).</summary>
    public abstract void Execute(int chunk, int worker);
}
