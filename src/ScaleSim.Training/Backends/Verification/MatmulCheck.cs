using ILGPU;
using ILGPU.Runtime;
using ScaleSim.Training.Backends.Ilgpu;

namespace ScaleSim.Training.Backends.Verification;

/// <summary>
/// The ILGPU matmul, either variant, against a double-precision product on one device, at sizes that are not multiples
/// of the variant's tile (two and a bit tiles down, one and a bit across, two and a bit k slices), with a transpose,
/// bias, addend and accumulate flag combination: |C − exact| ≤ 10⁻⁵·(1 + |exact|).
/// </summary>
internal static class MatmulCheck
{
    /// <summary>The flag combinations a report runs: plain, Aᵀ with bias, Bᵀ with addend, everything.</summary>
    public static IReadOnlyList<(bool TransposeA, bool TransposeB, bool Bias, bool Addend, bool Accumulate)> Cases { get; } =
    [
        (false, false, false, false, false),
        (true, false, true, false, false),
        (false, true, false, true, false),
        (true, true, true, true, true),
    ];

    /// <summary>The check; <paramref name="blocked"/> runs the 4×4-per-thread variant, else the 2×2 one.</summary>
    public static VerificationCheck Run(IlgpuDevice device, bool blocked, bool transposeA, bool transposeB, bool bias, bool addend, bool accumulate)
    {
        int ts = device.Shape.TileThreads;
        int edge = blocked ? MatmulKernels.Block * ts : 2 * ts, depth = blocked ? ts : 2 * ts;
        int m = 2 * edge + 6, n = edge + 13, k = 2 * depth + 1;
        var a = Normal(m * k, 1);
        var b = Normal(k * n, 2);
        var biasValues = Normal(n, 3);
        var addendValues = Normal(m * n, 4);
        var initial = Normal(m * n, 5);

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
        accelerator.Bind();
        using var stream = accelerator.CreateStream();
        using var da = accelerator.Allocate1D(a);
        using var db = accelerator.Allocate1D(b);
        using var dbias = accelerator.Allocate1D(biasValues);
        using var daddend = accelerator.Allocate1D(addendValues);
        using var dc = accelerator.Allocate1D(initial);
        var args = new MatmulKernels.Args
        {
            M = m, N = n, K = k,
            A = da.View, ARowStride = transposeA ? 1 : k, AColStride = transposeA ? m : 1,
            B = db.View, BRowStride = transposeB ? 1 : n, BColStride = transposeB ? k : 1,
            C = dc.View, Ldc = n,
            Bias = dbias.View, HasBias = bias ? 1 : 0,
            Addend = daddend.View, HasAddend = addend ? 1 : 0,
            Accumulate = accumulate ? 1 : 0,
        };
        if (blocked) device.Matmul.MultiplyBlocked(stream, device.Shape, args);
        else device.Matmul.MultiplySmall(stream, device.Shape, args);
        stream.Synchronize();
        var c = dc.GetAsArray1D();

        double worst = 0;
        bool passed = true;
        string detail = "";
        for (int i = 0; i < c.Length; i++)
        {
            double allowed = 1e-5 * (1 + Math.Abs(expected[i]));
            double error = Math.Abs(c[i] - expected[i]);
            if (double.IsNaN(error)) error = double.PositiveInfinity;
            passed &= error <= allowed;
            if (error / allowed >= worst)
            {
                worst = error / allowed;
                detail = $"C[{i / n},{i % n}]: {Tolerances.G(c[i])} vs {Tolerances.G(expected[i])}";
            }
        }
        string formula = $"{(transposeA ? "Aᵀ" : "A")}·{(transposeB ? "Bᵀ" : "B")}{(bias ? " + bias" : "")}{(addend ? " + addend" : "")}{(accumulate ? " + C" : "")}";
        return new VerificationCheck(VerificationKind.Matmul, $"{(blocked ? "4x4 blocks" : "2x2 blocks")} {m}x{k}·{k}x{n}", $"C = {formula}", "1e-5·(1 + |exact|)", worst, passed, detail);
    }

    private static float[] Normal(int count, ulong seed)
    {
        var rng = new Xoshiro256(seed);
        var values = new float[count];
        for (int i = 0; i < count; i++) values[i] = (float)rng.NextNormal();
        return values;
    }
}
