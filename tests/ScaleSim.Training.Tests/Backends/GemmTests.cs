using ScaleSim.Training.Backends.Cpu;

namespace ScaleSim.Training.Tests.Backends;

/// <summary>The blocked GEMM against a naive triple loop: shapes with edge tiles, K past one block, transposed operands, init modes, both micro-kernels.</summary>
public unsafe class GemmTests
{
    public static TheoryData<int, int, int, bool, bool, bool> Cases()
    {
        var data = new TheoryData<int, int, int, bool, bool, bool>();
        foreach (var (m, n, k) in new[] { (8, 32, 5), (13, 37, 300), (64, 64, 64), (3, 100, 513), (40, 7, 17) })
            foreach (bool transposeA in new[] { false, true })
                foreach (bool avx512 in new[] { true, false })
                    data.Add(m, n, k, transposeA, !transposeA, avx512);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesNaiveProduct(int m, int n, int k, bool transposeA, bool transposeB, bool avx512)
    {
        var a = FiniteDifferences.Normal(m * k, 1);
        var b = FiniteDifferences.Normal(k * n, 2);
        var bias = FiniteDifferences.Normal(n, 3);
        var addend = FiniteDifferences.Normal(m * n, 4);
        using var buffers = new NativeBuffers();
        using var pool = new WorkerPool(2);
        var gemm = new Gemm(buffers, Gemm.PackedFloats(n, k), avx512);

        foreach (var mode in new[] { "plain", "bias+addend", "accumulate" })
        {
            var c = mode == "accumulate" ? (float[])addend.Clone() : new float[m * n];
            fixed (float* pa = a, pb = b, pc = c, pbias = bias, padd = addend)
            {
                gemm.Multiply(pool, new GemmProblem
                {
                    M = m, N = n, K = k,
                    A = pa, ARowStride = transposeA ? 1 : k, AColStride = transposeA ? m : 1,
                    B = pb, BRowStride = transposeB ? 1 : n, BColStride = transposeB ? k : 1,
                    C = pc, Ldc = n,
                    Bias = mode == "bias+addend" ? pbias : null,
                    Addend = mode == "bias+addend" ? padd : null,
                    Accumulate = mode == "accumulate",
                });
            }
            for (int i = 0; i < m; i++)
                for (int j = 0; j < n; j++)
                {
                    double expected = mode == "plain" ? 0 : mode == "accumulate" ? addend[i * n + j] : addend[i * n + j] + bias[j];
                    for (int p = 0; p < k; p++)
                    {
                        double av = transposeA ? a[p * m + i] : a[i * k + p];
                        double bv = transposeB ? b[j * k + p] : b[p * n + j];
                        expected += av * bv;
                    }
                    Assert.True(Math.Abs(c[i * n + j] - expected) < 1e-4 * Math.Sqrt(k) + 1e-5, $"{mode} C[{i},{j}] = {c[i * n + j]}, expected {expected}");
                }
        }
    }

    [Fact]
    public void ResultDoesNotDependOnThreadCount()
    {
        const int m = 200, n = 70, k = 600;
        var a = FiniteDifferences.Normal(m * k, 5);
        var b = FiniteDifferences.Normal(k * n, 6);
        float[] Run(int threads)
        {
            using var buffers = new NativeBuffers();
            using var pool = new WorkerPool(threads);
            var gemm = new Gemm(buffers, Gemm.PackedFloats(n, k), useVector512: true);
            var c = new float[m * n];
            fixed (float* pa = a, pb = b, pc = c) gemm.Multiply(pool, GemmProblem.RowMajor(m, n, k, pa, pb, pc));
            return c;
        }
        var one = Run(1);
        Assert.Equal(one, Run(2));
        Assert.Equal(one, Run(5));
    }
}
