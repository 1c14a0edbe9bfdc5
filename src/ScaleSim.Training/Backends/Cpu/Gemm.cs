using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ScaleSim.Training.Backends.Cpu;

/// <summary>
/// Cache-blocked single-precision GEMM in the BLIS style (Goto &amp; van de Geijn 2008; Van Zee &amp; van de Geijn
/// 2015): B is packed into column panels of <see cref="NR"/> = 32 floats (two <c>Vector512</c>s), K is blocked by
/// <see cref="KC"/> so a panel slice (KC×32 floats = 32 KiB) stays in L1 while every micro-tile of a row block streams
/// past it, and an MR×32 register-blocked micro-kernel (8×32 with AVX-512: 16 accumulators; 4×32 with 256-bit vectors
/// otherwise) does the FMAs. A is read in place through its strides (its MR elements per k are broadcast, so a
/// transposed A costs nothing). Rows are split over workers; K is never split, so every element of C is computed by
/// the same sequence of FMAs whatever the thread count, and results are bit-identical across thread counts.
/// </summary>
internal sealed unsafe class Gemm
{
    /// <summary>Panel width: columns of C per micro-tile.</summary>
    public const int NR = 32;

    /// <summary>K-block: rows of a B panel kept in L1 per pass.</summary>
    public const int KC = 256;

    private const int MaxRowsPerChunk = 256;

    private readonly float* _packed;
    private readonly long _capacity;
    private readonly PackWork _pack = new();
    private readonly MultiplyWork _multiply = new();

    /// <param name="buffers">Where the packing buffer is allocated.</param>
    /// <param name="maxPackedFloats">The largest K·⌈N/32⌉·32 this instance will see.</param>
    /// <param name="useVector512">Use the AVX-512 micro-kernel (tests force the 256-bit one with false).</param>
    public Gemm(NativeBuffers buffers, long maxPackedFloats, bool useVector512)
    {
        _capacity = maxPackedFloats;
        _packed = buffers.Floats(maxPackedFloats);
        UseVector512 = useVector512;
        MR = useVector512 ? 8 : 4;
    }

    /// <summary>Whether the 8×32 AVX-512 micro-kernel is used.</summary>
    public bool UseVector512 { get; }

    /// <summary>Rows of C per micro-tile.</summary>
    public int MR { get; }

    /// <summary>Floats of packing buffer a problem needs.</summary>
    public static long PackedFloats(int n, int k) => (long)k * ((n + NR - 1) / NR) * NR;

    /// <summary>Computes the product on <paramref name="pool"/>.</summary>
    public void Multiply(WorkerPool pool, in GemmProblem p)
    {
        if (p.M <= 0 || p.N <= 0 || p.K <= 0) throw new ArgumentException("empty GEMM");
        if (PackedFloats(p.N, p.K) > _capacity) throw new ArgumentException($"GEMM {p.M}x{p.N}x{p.K} exceeds the packing buffer");
        int panels = (p.N + NR - 1) / NR;
        _pack.Problem = p;
        _pack.Packed = _packed;
        pool.Run(_pack, panels);

        int rows = (p.M + 4 * pool.Threads - 1) / (4 * pool.Threads);
        rows = Math.Clamp((rows + MR - 1) / MR * MR, MR, MaxRowsPerChunk);
        _multiply.Problem = p;
        _multiply.Packed = _packed;
        _multiply.RowsPerChunk = rows;
        _multiply.Panels = panels;
        _multiply.Owner = this;
        pool.Run(_multiply, (p.M + rows - 1) / rows);
    }

    /// <summary>Packs panel <paramref name="panel"/> of B: element (k, j) of the panel at <c>dst[k·NR + j]</c>, zero past N.</summary>
    private static void PackPanel(in GemmProblem p, float* packed, int panel)
    {
        float* dst = packed + (nint)panel * p.K * NR;
        int j0 = panel * NR, nr = Math.Min(NR, p.N - j0);
        if (p.BColStride == 1)
        {
            for (int k = 0; k < p.K; k++)
            {
                float* src = p.B + k * p.BRowStride + j0;
                float* d = dst + (nint)k * NR;
                if (nr == NR)
                {
                    Vector512.Store(Vector512.Load(src), d);
                    Vector512.Store(Vector512.Load(src + 16), d + 16);
                }
                else
                {
                    for (int j = 0; j < nr; j++) d[j] = src[j];
                    for (int j = nr; j < NR; j++) d[j] = 0;
                }
            }
            return;
        }

        if (nr < NR) new Span<float>(dst, p.K * NR).Clear();
        for (int j = 0; j < nr; j++)
        {
            float* src = p.B + (j0 + j) * p.BColStride;
            for (int k = 0; k < p.K; k++) dst[(nint)k * NR + j] = src[k * p.BRowStride];
        }
    }

    private void MultiplyRows(in GemmProblem p, float* packed, int r0, int r1, int panels)
    {
        int mr = MR;
        for (int kb = 0; kb < p.K; kb += KC)
        {
            int kc = Math.Min(KC, p.K - kb);
            bool first = kb == 0;
            bool loadC = !first || p.Accumulate;
            for (int panel = 0; panel < panels; panel++)
            {
                int j = panel * NR, nr = Math.Min(NR, p.N - j);
                float* b = packed + (nint)panel * p.K * NR + (nint)kb * NR;
                float* bias = first && p.Bias != null ? p.Bias + j : null;
                for (int i = r0; i < r1; i += mr)
                {
                    int rows = Math.Min(mr, r1 - i);
                    float* a = p.A + i * p.ARowStride + kb * p.AColStride;
                    float* c = p.C + i * p.Ldc + j;
                    float* addend = first && p.Addend != null ? p.Addend + i * p.Ldc + j : null;
                    if (rows == mr && nr == NR)
                    {
                        if (UseVector512) Kernel8x32(kc, a, p.ARowStride, p.AColStride, b, c, p.Ldc, loadC, addend, bias);
                        else Kernel4x32(kc, a, p.ARowStride, p.AColStride, b, c, p.Ldc, loadC, addend, bias);
                    }
                    else
                    {
                        EdgeKernel(rows, nr, kc, a, p.ARowStride, p.AColStride, b, c, p.Ldc, loadC, addend, bias);
                    }
                }
            }
        }
    }

    /// <summary>The AVX-512 micro-kernel: an 8×32 tile of C in 16 zmm accumulators, one k per iteration.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void Kernel8x32(int kc, float* a, nint ars, nint acs, float* b, float* c, nint ldc, bool loadC, float* addend, float* bias)
    {
        Vector512<float> c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51, c60, c61, c70, c71;
        if (loadC)
        {
            c00 = Vector512.Load(c); c01 = Vector512.Load(c + 16);
            c10 = Vector512.Load(c + ldc); c11 = Vector512.Load(c + ldc + 16);
            c20 = Vector512.Load(c + 2 * ldc); c21 = Vector512.Load(c + 2 * ldc + 16);
            c30 = Vector512.Load(c + 3 * ldc); c31 = Vector512.Load(c + 3 * ldc + 16);
            c40 = Vector512.Load(c + 4 * ldc); c41 = Vector512.Load(c + 4 * ldc + 16);
            c50 = Vector512.Load(c + 5 * ldc); c51 = Vector512.Load(c + 5 * ldc + 16);
            c60 = Vector512.Load(c + 6 * ldc); c61 = Vector512.Load(c + 6 * ldc + 16);
            c70 = Vector512.Load(c + 7 * ldc); c71 = Vector512.Load(c + 7 * ldc + 16);
        }
        else
        {
            var bias0 = bias != null ? Vector512.Load(bias) : Vector512<float>.Zero;
            var bias1 = bias != null ? Vector512.Load(bias + 16) : Vector512<float>.Zero;
            if (addend != null)
            {
                float* d = addend;
                c00 = Vector512.Load(d) + bias0; c01 = Vector512.Load(d + 16) + bias1; d += ldc;
                c10 = Vector512.Load(d) + bias0; c11 = Vector512.Load(d + 16) + bias1; d += ldc;
                c20 = Vector512.Load(d) + bias0; c21 = Vector512.Load(d + 16) + bias1; d += ldc;
                c30 = Vector512.Load(d) + bias0; c31 = Vector512.Load(d + 16) + bias1; d += ldc;
                c40 = Vector512.Load(d) + bias0; c41 = Vector512.Load(d + 16) + bias1; d += ldc;
                c50 = Vector512.Load(d) + bias0; c51 = Vector512.Load(d + 16) + bias1; d += ldc;
                c60 = Vector512.Load(d) + bias0; c61 = Vector512.Load(d + 16) + bias1; d += ldc;
                c70 = Vector512.Load(d) + bias0; c71 = Vector512.Load(d + 16) + bias1;
            }
            else
            {
                c00 = c10 = c20 = c30 = c40 = c50 = c60 = c70 = bias0;
                c01 = c11 = c21 = c31 = c41 = c51 = c61 = c71 = bias1;
            }
        }

        for (int k = 0; k < kc; k++)
        {
            var b0 = Vector512.Load(b);
            var b1 = Vector512.Load(b + 16);
            b += NR;
            float* ak = a + k * acs;
            var av = Vector512.Create(ak[0]);
            c00 = Vector512.FusedMultiplyAdd(av, b0, c00); c01 = Vector512.FusedMultiplyAdd(av, b1, c01);
            av = Vector512.Create(ak[ars]);
            c10 = Vector512.FusedMultiplyAdd(av, b0, c10); c11 = Vector512.FusedMultiplyAdd(av, b1, c11);
            av = Vector512.Create(ak[2 * ars]);
            c20 = Vector512.FusedMultiplyAdd(av, b0, c20); c21 = Vector512.FusedMultiplyAdd(av, b1, c21);
            av = Vector512.Create(ak[3 * ars]);
            c30 = Vector512.FusedMultiplyAdd(av, b0, c30); c31 = Vector512.FusedMultiplyAdd(av, b1, c31);
            av = Vector512.Create(ak[4 * ars]);
            c40 = Vector512.FusedMultiplyAdd(av, b0, c40); c41 = Vector512.FusedMultiplyAdd(av, b1, c41);
            av = Vector512.Create(ak[5 * ars]);
            c50 = Vector512.FusedMultiplyAdd(av, b0, c50); c51 = Vector512.FusedMultiplyAdd(av, b1, c51);
            av = Vector512.Create(ak[6 * ars]);
            c60 = Vector512.FusedMultiplyAdd(av, b0, c60); c61 = Vector512.FusedMultiplyAdd(av, b1, c61);
            av = Vector512.Create(ak[7 * ars]);
            c70 = Vector512.FusedMultiplyAdd(av, b0, c70); c71 = Vector512.FusedMultiplyAdd(av, b1, c71);
        }

        c00.Store(c); c01.Store(c + 16); c += ldc;
        c10.Store(c); c11.Store(c + 16); c += ldc;
        c20.Store(c); c21.Store(c + 16); c += ldc;
        c30.Store(c); c31.Store(c + 16); c += ldc;
        c40.Store(c); c41.Store(c + 16); c += ldc;
        c50.Store(c); c51.Store(c + 16); c += ldc;
        c60.Store(c); c61.Store(c + 16); c += ldc;
        c70.Store(c); c71.Store(c + 16);
    }

    /// <summary>The 256-bit micro-kernel for machines without AVX-512: a 4×32 tile in 16 accumulators.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void Kernel4x32(int kc, float* a, nint ars, nint acs, float* b, float* c, nint ldc, bool loadC, float* addend, float* bias)
    {
        Vector256<float> c00, c01, c02, c03, c10, c11, c12, c13, c20, c21, c22, c23, c30, c31, c32, c33;
        if (loadC)
        {
            float* r = c;
            c00 = Vector256.Load(r); c01 = Vector256.Load(r + 8); c02 = Vector256.Load(r + 16); c03 = Vector256.Load(r + 24); r += ldc;
            c10 = Vector256.Load(r); c11 = Vector256.Load(r + 8); c12 = Vector256.Load(r + 16); c13 = Vector256.Load(r + 24); r += ldc;
            c20 = Vector256.Load(r); c21 = Vector256.Load(r + 8); c22 = Vector256.Load(r + 16); c23 = Vector256.Load(r + 24); r += ldc;
            c30 = Vector256.Load(r); c31 = Vector256.Load(r + 8); c32 = Vector256.Load(r + 16); c33 = Vector256.Load(r + 24);
        }
        else
        {
            var b0 = bias != null ? Vector256.Load(bias) : Vector256<float>.Zero;
            var b1 = bias != null ? Vector256.Load(bias + 8) : Vector256<float>.Zero;
            var b2 = bias != null ? Vector256.Load(bias + 16) : Vector256<float>.Zero;
            var b3 = bias != null ? Vector256.Load(bias + 24) : Vector256<float>.Zero;
            if (addend != null)
            {
                float* r = addend;
                c00 = Vector256.Load(r) + b0; c01 = Vector256.Load(r + 8) + b1; c02 = Vector256.Load(r + 16) + b2; c03 = Vector256.Load(r + 24) + b3; r += ldc;
                c10 = Vector256.Load(r) + b0; c11 = Vector256.Load(r + 8) + b1; c12 = Vector256.Load(r + 16) + b2; c13 = Vector256.Load(r + 24) + b3; r += ldc;
                c20 = Vector256.Load(r) + b0; c21 = Vector256.Load(r + 8) + b1; c22 = Vector256.Load(r + 16) + b2; c23 = Vector256.Load(r + 24) + b3; r += ldc;
                c30 = Vector256.Load(r) + b0; c31 = Vector256.Load(r + 8) + b1; c32 = Vector256.Load(r + 16) + b2; c33 = Vector256.Load(r + 24) + b3;
            }
            else
            {
                c00 = c10 = c20 = c30 = b0;
                c01 = c11 = c21 = c31 = b1;
                c02 = c12 = c22 = c32 = b2;
                c03 = c13 = c23 = c33 = b3;
            }
        }

        for (int k = 0; k < kc; k++)
        {
            var b0 = Vector256.Load(b);
            var b1 = Vector256.Load(b + 8);
            var b2 = Vector256.Load(b + 16);
            var b3 = Vector256.Load(b + 24);
            b += NR;
            float* ak = a + k * acs;
            var av = Vector256.Create(ak[0]);
            c00 = Vector256.FusedMultiplyAdd(av, b0, c00); c01 = Vector256.FusedMultiplyAdd(av, b1, c01);
            c02 = Vector256.FusedMultiplyAdd(av, b2, c02); c03 = Vector256.FusedMultiplyAdd(av, b3, c03);
            av = Vector256.Create(ak[ars]);
            c10 = Vector256.FusedMultiplyAdd(av, b0, c10); c11 = Vector256.FusedMultiplyAdd(av, b1, c11);
            c12 = Vector256.FusedMultiplyAdd(av, b2, c12); c13 = Vector256.FusedMultiplyAdd(av, b3, c13);
            av = Vector256.Create(ak[2 * ars]);
            c20 = Vector256.FusedMultiplyAdd(av, b0, c20); c21 = Vector256.FusedMultiplyAdd(av, b1, c21);
            c22 = Vector256.FusedMultiplyAdd(av, b2, c22); c23 = Vector256.FusedMultiplyAdd(av, b3, c23);
            av = Vector256.Create(ak[3 * ars]);
            c30 = Vector256.FusedMultiplyAdd(av, b0, c30); c31 = Vector256.FusedMultiplyAdd(av, b1, c31);
            c32 = Vector256.FusedMultiplyAdd(av, b2, c32); c33 = Vector256.FusedMultiplyAdd(av, b3, c33);
        }

        float* o = c;
        c00.Store(o); c01.Store(o + 8); c02.Store(o + 16); c03.Store(o + 24); o += ldc;
        c10.Store(o); c11.Store(o + 8); c12.Store(o + 16); c13.Store(o + 24); o += ldc;
        c20.Store(o); c21.Store(o + 8); c22.Store(o + 16); c23.Store(o + 24); o += ldc;
        c30.Store(o); c31.Store(o + 8); c32.Store(o + 16); c33.Store(o + 24);
    }

    /// <summary>
    /// Partial tiles (fewer than MR rows or 32 columns), one row at a time through a 32-float staging row. Every element
    /// goes through the same init-then-FMA sequence as in the full kernels, so results do not depend on tiling.
    /// </summary>
    internal static void EdgeKernel(int rows, int nr, int kc, float* a, nint ars, nint acs, float* b, float* c, nint ldc, bool loadC, float* addend, float* bias)
    {
        float* tile = stackalloc float[NR];
        for (int r = 0; r < rows; r++)
        {
            float* cr = c + r * ldc;
            for (int j = 0; j < NR; j++)
            {
                float init = 0f;
                if (j < nr)
                {
                    if (loadC) init = cr[j];
                    else if (addend != null) init = bias != null ? addend[r * ldc + j] + bias[j] : addend[r * ldc + j];
                    else if (bias != null) init = bias[j];
                }
                tile[j] = init;
            }

            var acc0 = Vector256.Load(tile);
            var acc1 = Vector256.Load(tile + 8);
            var acc2 = Vector256.Load(tile + 16);
            var acc3 = Vector256.Load(tile + 24);
            float* ar = a + r * ars;
            float* bk = b;
            for (int k = 0; k < kc; k++, bk += NR)
            {
                var av = Vector256.Create(ar[k * acs]);
                acc0 = Vector256.FusedMultiplyAdd(av, Vector256.Load(bk), acc0);
                acc1 = Vector256.FusedMultiplyAdd(av, Vector256.Load(bk + 8), acc1);
                acc2 = Vector256.FusedMultiplyAdd(av, Vector256.Load(bk + 16), acc2);
                acc3 = Vector256.FusedMultiplyAdd(av, Vector256.Load(bk + 24), acc3);
            }

            acc0.Store(tile);
            acc1.Store(tile + 8);
            acc2.Store(tile + 16);
            acc3.Store(tile + 24);
            for (int j = 0; j < nr; j++) cr[j] = tile[j];
        }
    }

    private sealed class PackWork : ParallelWork
    {
        public GemmProblem Problem;
        public float* Packed;

        public override void Execute(int chunk, int worker) => PackPanel(Problem, Packed, chunk);
    }

    private sealed class MultiplyWork : ParallelWork
    {
        public GemmProblem Problem;
        public float* Packed;
        public int RowsPerChunk;
        public int Panels;
        public Gemm? Owner;

        public override void Execute(int chunk, int worker)
        {
            int r0 = chunk * RowsPerChunk, r1 = Math.Min(Problem.M, r0 + RowsPerChunk);
            Owner!.MultiplyRows(Problem, Packed, r0, r1, Panels);
        }
    }
}
