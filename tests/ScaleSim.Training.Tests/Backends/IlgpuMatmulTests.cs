using ILGPU;
using ILGPU.Runtime;
using ScaleSim.Training.Backends;
using ScaleSim.Training.Backends.Ilgpu;

namespace ScaleSim.Training.Tests.Backends;

/// <summary>
/// The ILGPU matmul against a double-precision product on ILGPU's CPU accelerator, at sizes that are not multiples
/// of the tile (edge tiles, a partial k slice) and with every transpose the linear layers use and every flag.
/// </summary>
public class IlgpuMatmulTests
{
    [Theory]
    [InlineData(false, false, false, false, false)]
    [InlineData(true, false, true, false, false)]
    [InlineData(false, true, false, true, false)]
    [InlineData(true, true, true, true, true)]
    public void MatchesADoubleProduct(bool transposeA, bool transposeB, bool bias, bool addend, bool accumulate)
    {
        const int m = 5, n = 7, k = 9;
        var device = IlgpuDevice.TryOpen(TrainingDevice.IlgpuCpu, out _)!;
        var a = FiniteDifferences.Normal(m * k, 1);
        var b = FiniteDifferences.Normal(k * n, 2);
        var biasValues = FiniteDifferences.Normal(n, 3);
        var addendValues = FiniteDifferences.Normal(m * n, 4);
        var initial = FiniteDifferences.Normal(m * n, 5);

        // A(i, kk) is a[i·k + kk], or a[kk·m + i] when stored transposed; B(kk, j) likewise.
        double A(int i, int kk) => transposeA ? a[kk * m + i] : a[i * k + kk];
        double B(int kk, int j) => transposeB ? b[j * k + kk] : b[kk * n + j];
        var expected = new double[m * n];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                double sum = 0;
                for (int kk = 0; kk < k; kk++) sum += A(i, kk) * B(kk, j);
                if (bias) sum += biasValues[j];
                if (addend) sum += addendValues[i * n + j];
                if (accumulate) sum += initial[i * n + j];
                expected[i * n + j] = sum;
            }

        var accelerator = device.Accelerator;
        using var stream = accelerator.CreateStream();
        using var da = accelerator.Allocate1D(a);
        using var db = accelerator.Allocate1D(b);
        using var dbias = accelerator.Allocate1D(biasValues);
        using var daddend = accelerator.Allocate1D(addendValues);
        using var dc = accelerator.Allocate1D(initial);
        device.Matmul.Multiply(stream, device.Shape, new MatmulKernels.Args
        {
            M = m, N = n, K = k,
            A = da.View, ARowStride = transposeA ? 1 : k, AColStride = transposeA ? m : 1,
            B = db.View, BRowStride = transposeB ? 1 : n, BColStride = transposeB ? k : 1,
            C = dc.View, Ldc = n,
            Bias = dbias.View, HasBias = bias ? 1 : 0,
            Addend = daddend.View, HasAddend = addend ? 1 : 0,
            Accumulate = accumulate ? 1 : 0,
        });
        stream.Synchronize();
        var c = dc.GetAsArray1D();
        for (int i = 0; i < c.Length; i++) Assert.True(Math.Abs(c[i] - expected[i]) <= 1e-5 * (1 + Math.Abs(expected[i])), $"C[{i}]: {c[i]} vs {expected[i]}");
    }
}
