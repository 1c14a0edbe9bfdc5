using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ScaleSim.Training.Backends.Cpu;

/// <summary>
/// Causal multi-head self-attention (Vaswani et al. 2017) on the fused QKV activations (rows of 3d: queries, keys,
/// values, head h at columns h·hs), one (sequence, head) pair per chunk. Forward: S = Q·Kᵀ/√hs, P = softmax(S) with
/// the future masked, Y = P·V; P is kept for the backward. Backward (llm.c's <c>attention_backward</c>):
/// dP = dY·Vᵀ, dS = P ⊙ (dP − rowsum(P ⊙ dP)), dQ = dS·K/√hs, dK = dSᵀ·Q/√hs, dV = Pᵀ·dY.
/// </summary>
/// <remarks>
/// <para>Every product is a small GEMM on <see cref="Gemm"/>'s register-blocked micro-kernels: each head is gathered
/// into per-worker scratch in the layouts the kernels read — row-major A operands with the head width padded to HP
/// (a multiple of 32) and B operands as 32-column panels — so the masked, T×T work runs at GEMM speed. Causality
/// trims every product to the blocks at or below the diagonal.</para>
/// <para>A head's outputs are disjoint from every other head's, so chunks never race and results do not depend on the
/// thread count.</para>
/// </remarks>
internal static unsafe class AttentionOp
{
    private const int NR = Gemm.NR;

    /// <summary>Padded key axis: the row stride of P and dS.</summary>
    public static int KeyStride(int t) => (t + NR - 1) / NR * NR;

    /// <summary>Padded head width.</summary>
    public static int HeadStride(int hs) => (hs + NR - 1) / NR * NR;

    /// <summary>Per-worker scratch of one head.</summary>
    public struct Scratch
    {
        /// <summary>Row-major [T][HP]: Q/√hs, dY, and the outputs Y (or dQ), dK, dV.</summary>
        public float* Q, DY, Out, DK, DV;

        /// <summary>Panels [HP/32][T][32] of K/√hs, V, Q/√hs and dY (B operands whose columns are the head width).</summary>
        public float* KPanels, VPanels, QPanels, DYPanels;

        /// <summary>Panels [TP/32][hs][32] of Kᵀ and Vᵀ (B operands whose columns are keys).</summary>
        public float* KTPanels, VTPanels;

        /// <summary>[T][TP]: dP, then dS.</summary>
        public float* DS;

        public static long Floats(int t, int hs)
        {
            long hp = HeadStride(hs), tp = KeyStride(t);
            return 9 * t * hp + 2 * tp * hs + t * tp;
        }

        public static Scratch Carve(float* block, int t, int hs)
        {
            long hp = HeadStride(hs), tp = KeyStride(t);
            var s = new Scratch();
            float* p = block;
            s.Q = p; p += t * hp;
            s.DY = p; p += t * hp;
            s.Out = p; p += t * hp;
            s.DK = p; p += t * hp;
            s.DV = p; p += t * hp;
            s.KPanels = p; p += t * hp;
            s.VPanels = p; p += t * hp;
            s.QPanels = p; p += t * hp;
            s.DYPanels = p; p += t * hp;
            s.KTPanels = p; p += tp * hs;
            s.VTPanels = p; p += tp * hs;
            s.DS = p;
            return s;
        }
    }

    /// <summary>One MR×32 tile of C = A·B (B a packed panel), through the kernel the GEMM would use.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Tile(bool v512, int rows, int kc, float* a, nint ars, nint acs, float* b, float* c, nint ldc)
    {
        if (v512 && rows == 8) Gemm.Kernel8x32(kc, a, ars, acs, b, c, ldc, false, null, null);
        else if (!v512 && rows == 4) Gemm.Kernel4x32(kc, a, ars, acs, b, c, ldc, false, null, null);
        else Gemm.EdgeKernel(rows, NR, kc, a, ars, acs, b, c, ldc, false, null, null);
    }

    /// <summary>Copies head <paramref name="h"/> of sequence <paramref name="b"/> into the scratch layouts.</summary>
    private static void Gather(in Scratch s, float* qkv, int b, int h, int t, int c, int hs, bool withQPanels)
    {
        int hp = HeadStride(hs);
        float scale = 1f / MathF.Sqrt(hs);
        for (int i = 0; i < t; i++)
        {
            float* row = qkv + ((nint)b * t + i) * 3 * c + h * hs;
            Copy(row, s.Q + i * hp, hs, scale);
            for (int d0 = 0; d0 < hs; d0 += NR)
            {
                int width = Math.Min(NR, hs - d0);
                nint panel = ((nint)(d0 / NR) * t + i) * NR;
                Copy(row + c + d0, s.KPanels + panel, width, scale);
                Copy(row + 2 * c + d0, s.VPanels + panel, width, 1f);
                if (withQPanels) Copy(row + d0, s.QPanels + panel, width, scale);
            }
            float* kt = s.KTPanels + (nint)(i / NR) * hs * NR + i % NR;
            float* vt = s.VTPanels + (nint)(i / NR) * hs * NR + i % NR;
            for (int d = 0; d < hs; d++)
            {
                kt[d * NR] = row[c + d];
                vt[d * NR] = row[2 * c + d];
            }
        }
    }

    /// <summary>dst[0..n) = scale·src[0..n).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Copy(float* src, float* dst, int n, float scale)
    {
        var sv = Vector512.Create(scale);
        int j = 0;
        for (; j <= n - 16; j += 16) (Vector512.Load(src + j) * sv).Store(dst + j);
        for (; j < n; j++) dst[j] = src[j] * scale;
    }

    /// <summary>Softmax of row <paramref name="i"/> over keys 0..i in place; zero past i up to the padded stride.</summary>
    private static void CausalSoftmaxRow(float* p, int i, int tp)
    {
        var lane = Vector512.Create(0f, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
        var negInf = Vector512.Create(float.NegativeInfinity);
        var limit = Vector512.Create((float)i);
        int chunks = i / 16 + 1;
        var maxV = negInf;
        for (int j = 0; j < chunks; j++)
        {
            var x = Vector512.ConditionalSelect(Vector512.LessThanOrEqual(lane + Vector512.Create(16f * j), limit), Vector512.Load(p + j * 16), negInf);
            x.Store(p + j * 16);
            maxV = Vector512.Max(maxV, x);
        }
        var m256 = Vector256.Max(maxV.GetLower(), maxV.GetUpper());
        var m128 = Vector128.Max(m256.GetLower(), m256.GetUpper());
        float max = MathF.Max(MathF.Max(m128.GetElement(0), m128.GetElement(1)), MathF.Max(m128.GetElement(2), m128.GetElement(3)));
        var mv = Vector512.Create(max);
        var sumV = Vector512<float>.Zero;
        for (int j = 0; j < chunks; j++)
        {
            var e = VectorMath.Exp(Vector512.Load(p + j * 16) - mv);
            sumV += e;
            e.Store(p + j * 16);
        }
        var inv = Vector512.Create(1f / Vector512.Sum(sumV));
        for (int j = 0; j < chunks; j++) (Vector512.Load(p + j * 16) * inv).Store(p + j * 16);
        for (int j = chunks; j < tp / 16; j++) Vector512<float>.Zero.Store(p + j * 16);
    }

    public static void ForwardHead(in Scratch s, float* output, float* att, float* qkv, int b, int h, int t, int c, int heads, bool v512)
    {
        int hs = c / heads, hp = HeadStride(hs), tp = KeyStride(t), mr = v512 ? 8 : 4;
        Gather(s, qkv, b, h, t, c, hs, withQPanels: false);
        float* p = att + ((nint)b * heads + h) * t * tp;
        for (int i0 = 0; i0 < t; i0 += mr)
        {
            int rows = Math.Min(mr, t - i0), keys = i0 + rows;
            for (int panel = 0; panel * NR < keys; panel++)
                Tile(v512, rows, hs, s.Q + i0 * hp, hp, 1, s.KTPanels + (nint)panel * hs * NR, p + (nint)i0 * tp + panel * NR, tp);
            for (int i = i0; i < i0 + rows; i++) CausalSoftmaxRow(p + (nint)i * tp, i, tp);
            for (int panel = 0; panel < hp / NR; panel++)
                Tile(v512, rows, keys, p + (nint)i0 * tp, tp, 1, s.VPanels + (nint)panel * t * NR, s.Out + i0 * hp + panel * NR, hp);
        }
        for (int i = 0; i < t; i++) Copy(s.Out + i * hp, output + ((nint)b * t + i) * c + h * hs, hs, 1f);
    }

    public static void BackwardHead(in Scratch s, float* dqkv, float* doutput, float* att, float* qkv, int b, int h, int t, int c, int heads, bool v512)
    {
        int hs = c / heads, hp = HeadStride(hs), tp = KeyStride(t), mr = v512 ? 8 : 4;
        Gather(s, qkv, b, h, t, c, hs, withQPanels: true);
        for (int i = 0; i < t; i++)
        {
            float* dy = doutput + ((nint)b * t + i) * c + h * hs;
            Copy(dy, s.DY + i * hp, hs, 1f);
            for (int d0 = 0; d0 < hs; d0 += NR) Copy(dy + d0, s.DYPanels + ((nint)(d0 / NR) * t + i) * NR, Math.Min(NR, hs - d0), 1f);
        }
        float* p = att + ((nint)b * heads + h) * t * tp;

        // dP = dY·Vᵀ, then dS = P ⊙ (dP − Σ P·dP) row by row, and dQ = dS·K/√hs.
        for (int i0 = 0; i0 < t; i0 += mr)
        {
            int rows = Math.Min(mr, t - i0), keys = i0 + rows;
            for (int panel = 0; panel * NR < keys; panel++)
                Tile(v512, rows, hs, s.DY + i0 * hp, hp, 1, s.VTPanels + (nint)panel * hs * NR, s.DS + (nint)i0 * tp + panel * NR, tp);
            int width = (keys + 15) / 16 * 16;
            for (int i = i0; i < i0 + rows; i++)
            {
                float* pr = p + (nint)i * tp, ds = s.DS + (nint)i * tp;
                var dot = Vector512<float>.Zero;
                for (int j = 0; j < width; j += 16) dot = Vector512.FusedMultiplyAdd(Vector512.Load(pr + j), Vector512.Load(ds + j), dot);
                var rd = Vector512.Create(Vector512.Sum(dot));
                for (int j = 0; j < width; j += 16) (Vector512.Load(pr + j) * (Vector512.Load(ds + j) - rd)).Store(ds + j);
                for (int j = width; j < tp; j += 16) Vector512<float>.Zero.Store(ds + j);
            }
            for (int panel = 0; panel < hp / NR; panel++)
                Tile(v512, rows, keys, s.DS + (nint)i0 * tp, tp, 1, s.KPanels + (nint)panel * t * NR, s.Out + i0 * hp + panel * NR, hp);
        }

        // dK = dSᵀ·Q/√hs and dV = Pᵀ·dY: key rows t0.., summed over the queries i ≥ t0 that can see them.
        for (int t0 = 0; t0 < t; t0 += mr)
        {
            int rows = Math.Min(mr, t - t0), kc = t - t0;
            for (int panel = 0; panel < hp / NR; panel++)
            {
                Tile(v512, rows, kc, s.DS + (nint)t0 * tp + t0, 1, tp, s.QPanels + ((nint)panel * t + t0) * NR, s.DK + t0 * hp + panel * NR, hp);
                Tile(v512, rows, kc, p + (nint)t0 * tp + t0, 1, tp, s.DYPanels + ((nint)panel * t + t0) * NR, s.DV + t0 * hp + panel * NR, hp);
            }
        }

        for (int i = 0; i < t; i++)
        {
            float* row = dqkv + ((nint)b * t + i) * 3 * c + h * hs;
            Copy(s.Out + i * hp, row, hs, 1f);
            Copy(s.DK + i * hp, row + c, hs, 1f);
            Copy(s.DV + i * hp, row + 2 * c, hs, 1f);
        }
    }

    public sealed class ForwardWork : ParallelWork
    {
        public Scratch[] Scratches = [];
        public float* Output, Att, Qkv;
        public int Batch, Context, C, Heads;
        public bool UseVector512;

        public void Run(WorkerPool pool) => pool.Run(this, Batch * Heads);

        public override void Execute(int chunk, int worker) =>
            ForwardHead(Scratches[worker], Output, Att, Qkv, chunk / Heads, chunk % Heads, Context, C, Heads, UseVector512);
    }

    public sealed class BackwardWork : ParallelWork
    {
        public Scratch[] Scratches = [];
        public float* DQkv, DOutput, Att, Qkv;
        public int Batch, Context, C, Heads;
        public bool UseVector512;

        public void Run(WorkerPool pool) => pool.Run(this, Batch * Heads);

        public override void Execute(int chunk, int worker) =>
            BackwardHead(Scratches[worker], DQkv, DOutput, Att, Qkv, chunk / Heads, chunk % Heads, Context, C, Heads, UseVector512);
    }
}
