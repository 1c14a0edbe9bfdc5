using System.Diagnostics;
using System.Runtime.Intrinsics;
using ScaleSim.Training.Backends.Cpu;

namespace ScaleSim.Training.Benchmarks;

/// <summary>
/// The machine's matmul peak as the CPU backend sees it: GFLOP/s of the backend's own blocked GEMM on a square,
/// cache-friendly problem, the ceiling against which a training step's model FLOP/s is judged.
/// </summary>
public static class MatmulBenchmark
{
    /// <summary>Runs C = A·B (n×n×n) repeatedly for about <paramref name="seconds"/> after a warm-up; returns the best GFLOP/s.</summary>
    public static unsafe double PeakGflops(int threads, int n = 512, double seconds = 1.0)
    {
        using var buffers = new NativeBuffers();
        using var pool = new WorkerPool(threads);
        var gemm = new Gemm(buffers, Gemm.PackedFloats(n, n), Vector512.IsHardwareAccelerated);
        float* a = buffers.Floats((long)n * n), b = buffers.Floats((long)n * n), c = buffers.Floats((long)n * n);
        for (long i = 0; i < (long)n * n; i++)
        {
            a[i] = (i % 7) * 0.1f;
            b[i] = (i % 5) * 0.1f;
        }
        var problem = GemmProblem.RowMajor(n, n, n, a, b, c);
        for (int i = 0; i < 5; i++) gemm.Multiply(pool, problem);
        double best = 0;
        var total = Stopwatch.StartNew();
        while (total.Elapsed.TotalSeconds < seconds)
        {
            var timer = Stopwatch.StartNew();
            gemm.Multiply(pool, problem);
            best = Math.Max(best, 2.0 * n * n * n / timer.Elapsed.TotalSeconds / 1e9);
        }
        return best;
    }
}
