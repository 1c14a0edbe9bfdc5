using System.Runtime.Intrinsics;

namespace ScaleSim.Training.Backends.Cpu;

/// <summary>
/// Causal multi-head self-attention (Vaswani et al. 2017) on the fused QKV activations (rows of 3d: queries, keys,
/// values, head h at columns h·hs), one (sequence, head) pair per chunk. Forward: S = Q·Kᵀ/√hs, P = softmax(S) with
/// the future masked, Y = P·V; P is kept for the backward. Backward (llm.c's <c>attention_backward</c>):
/// dP = dY·Vᵀ, dS = P ⊙ (dP − rowsum(P ⊙ dP)), dQ = dS·K/√hs, dK = dSᵀ·Q/√hs, dV = Pᵀ·dY.
/// </summary>
/// <remarks>
/// Each head is gathered into per-worker scratch with the head width padded to hsp (a multiple of 16) and the key
/// axis padded to Tp, keys and values also stored transposed so both the score rows and the key/value gradients run
/// 16 keys per vector. A head's outputs are disjoint from every other head's, so chunks never race and results do
/// not depend on the thread count.
/// </remarks>
internal static unsafe class AttentionOp
{
    /// <summary>Per-worker scratch of one head.</summary>
    public struct Scratch
    {
        public float* Q, K, KT, V, VT, DY, DQ, DKT, DVT, DS;

        public static long Floats(int t, int hs)
        {
            long tp = Pad(t), hsp = Pad(hs);
            return 4 * t * hsp + 4 * hsp * tp + t * hsp + t * tp;
        }

        public static Scratch Carve(float* block, int t, int hs)
        {
            long tp = Pad(t), hsp = Pad(hs);
            var s = new Scratch();
            float* p = block;
            s.Q = p; p += t * hsp;
            s.K = p; p += t * hsp;
            s.V = p; p += t * hsp;
            s.DY = p; p += t * hsp;
            s.DQ = p; p += t * hsp;
            s.KT = p; p += hsp * tp;
            s.VT = p; p += hsp * tp;
            s.DKT = p; p += hsp * tp;
            s.DVT = p; p += hsp * tp;
            s.DS = p;
            return s;
        }
    }

    public static int Pad(int n) => (n + 15) / 16 * 16;

    /// <summary>Gathers Q (pre-scaled by 1/√hs), K, Kᵀ, V and Vᵀ of head <paramref name="h"/> of sequence <paramref name="b"/>.</summary>
    private static void Gather(in Scratch s, float* qkv, int b, int h, int t, int c, int hs, float scale)
    {
        int hsp = Pad(hs), tp = Pad(t);
        for (int i = 0; i < t; i++)
        {
            float* row = qkv + ((nint)b * t + i) * 3 * c + h * hs;
            for (int d = 0; d < hs; d++)
            {
                s.Q[i * hsp + d] = row[d] * scale;
                float k = row[c + d], v = row[2 * c + d];
                s.K[i * hsp + d] = k;
                s.KT[d * tp + i] = k;
                s.V[i * hsp + d] = v;
                s.VT[d * tp + i] = v;
            }
        }
    }

    public static void ForwardHead(in Scratch s, float* output, float* att, float* qkv, int b, int h, int t, int c, int heads)
    {
        int hs = c / heads, hsp = Pad(hs), tp = Pad(t);
        Gather(s, qkv, b, h, t, c, hs, 1f / MathF.Sqrt(hs));
        var lane = Vector512.Create(0f, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
        var negInf = Vector512.Create(float.NegativeInfinity);
        for (int i = 0; i < t; i++)
        {
            float* p = att + (((nint)b * heads + h) * t + i) * tp;
            float* q = s.Q + i * hsp;
            int chunks = (i + 16) / 16;
            var limit = Vector512.Create((float)i);
            var maxV = negInf;
            for (int j = 0; j < chunks; j++)
            {
                var acc = Vector512<float>.Zero;
                float* kt = s.KT + j * 16;
                for (int d = 0; d < hs; d++) acc = Vector512.FusedMultiplyAdd(Vector512.Create(q[d]), Vector512.Load(kt + d * tp), acc);
                acc = Vector512.ConditionalSelect(Vector512.LessThanOrEqual(lane + Vector512.Create(16f * j), limit), acc, negInf);
                maxV = Vector512.Max(maxV, acc);
                acc.Store(p + j * 16);
            }
            float max = float.NegativeInfinity;
            for (int l = 0; l < 16; l++) max = MathF.Max(max, maxV.GetElement(l));
            var mv = Vector512.Create(max);
            var sumV = Vector512<float>.Zero;
            for (int j = 0; j < chunks; j++)
            {
                var e = Vector512.Exp(Vector512.Load(p + j * 16) - mv);
                sumV += e;
                e.Store(p + j * 16);
            }
            var inv = Vector512.Create(1f / Vector512.Sum(sumV));
            for (int j = 0; j < chunks; j++) (Vector512.Load(p + j * 16) * inv).Store(p + j * 16);
            for (int j = chunks; j < tp / 16; j++) Vector512<float>.Zero.Store(p + j * 16);

            // y = Σ_{k ≤ i} P[k]·V[k], four partial sums per vector of the head.
            float* y = output + ((nint)b * t + i) * c + h * hs;
            for (int d0 = 0; d0 < hsp; d0 += 16)
            {
                var a0 = Vector512<float>.Zero;
                var a1 = a0;
                var a2 = a0;
                var a3 = a0;
                int k = 0;
                for (; k + 3 <= i; k += 4)
                {
                    a0 = Vector512.FusedMultiplyAdd(Vector512.Create(p[k]), Vector512.Load(s.V + k * hsp + d0), a0);
                    a1 = Vector512.FusedMultiplyAdd(Vector512.Create(p[k + 1]), Vector512.Load(s.V + (k + 1) * hsp + d0), a1);
                    a2 = Vector512.FusedMultiplyAdd(Vector512.Create(p[k + 2]), Vector512.Load(s.V + (k + 2) * hsp + d0), a2);
                    a3 = Vector512.FusedMultiplyAdd(Vector512.Create(p[k + 3]), Vector512.Load(s.V + (k + 3) * hsp + d0), a3);
                }
                for (; k <= i; k++) a0 = Vector512.FusedMultiplyAdd(Vector512.Create(p[k]), Vector512.Load(s.V + k * hsp + d0), a0);
                var sum = (a0 + a1) + (a2 + a3);
                int width = Math.Min(16, hs - d0);
                if (width == 16) sum.Store(y + d0);
                else for (int d = 0; d < width; d++) y[d0 + d] = sum.GetElement(d);
            }
        }
    }

    public static void BackwardHead(in Scratch s, float* dqkv, float* doutput, float* att, float* qkv, int b, int h, int t, int c, int heads)
    {
        int hs = c / heads, hsp = Pad(hs), tp = Pad(t);
        float scale = 1f / MathF.Sqrt(hs);
        Gather(s, qkv, b, h, t, c, hs, scale);
        for (int i = 0; i < t; i++)
        {
            float* dy = doutput + ((nint)b * t + i) * c + h * hs;
            for (int d = 0; d < hs; d++) s.DY[i * hsp + d] = dy[d];
        }
        new Span<float>(s.DKT, hsp * tp).Clear();
        new Span<float>(s.DVT, hsp * tp).Clear();
        var scaleV = Vector512.Create(scale);

        for (int i = 0; i < t; i++)
        {
            float* p = att + (((nint)b * heads + h) * t + i) * tp;
            float* ds = s.DS + i * tp;
            float* dyRow = s.DY + i * hsp;
            float* qRow = s.Q + i * hsp;
            int chunks = (i + 16) / 16;

            // dP = dY[i]·Vᵀ and Σ P·dP.
            var rowDot = Vector512<float>.Zero;
            for (int j = 0; j < chunks; j++)
            {
                var acc = Vector512<float>.Zero;
                float* vt = s.VT + j * 16;
                for (int d = 0; d < hs; d++) acc = Vector512.FusedMultiplyAdd(Vector512.Create(dyRow[d]), Vector512.Load(vt + d * tp), acc);
                acc.Store(ds + j * 16);
                rowDot = Vector512.FusedMultiplyAdd(Vector512.Load(p + j * 16), acc, rowDot);
            }
            var rd = Vector512.Create(Vector512.Sum(rowDot));

            // dS = P ⊙ (dP − rowDot); zero where masked because P is. dKᵀ += Qs[i] ⊗ dS, dVᵀ += dY[i] ⊗ P.
            for (int j = 0; j < chunks; j++)
            {
                var pv = Vector512.Load(p + j * 16);
                var dsv = pv * (Vector512.Load(ds + j * 16) - rd);
                dsv.Store(ds + j * 16);
                float* dkt = s.DKT + j * 16;
                float* dvt = s.DVT + j * 16;
                for (int d = 0; d < hs; d++)
                {
                    Vector512.FusedMultiplyAdd(Vector512.Create(qRow[d]), dsv, Vector512.Load(dkt + d * tp)).Store(dkt + d * tp);
                    Vector512.FusedMultiplyAdd(Vector512.Create(dyRow[d]), pv, Vector512.Load(dvt + d * tp)).Store(dvt + d * tp);
                }
            }

            // dQ[i] = Σ_k dS[k]·K[k] / √hs.
            for (int d0 = 0; d0 < hsp; d0 += 16)
            {
                var a0 = Vector512<float>.Zero;
                var a1 = a0;
                int k = 0;
                for (; k + 1 <= i; k += 2)
                {
                    a0 = Vector512.FusedMultiplyAdd(Vector512.Create(ds[k]), Vector512.Load(s.K + k * hsp + d0), a0);
                    a1 = Vector512.FusedMultiplyAdd(Vector512.Create(ds[k + 1]), Vector512.Load(s.K + (k + 1) * hsp + d0), a1);
                }
                for (; k <= i; k++) a0 = Vector512.FusedMultiplyAdd(Vector512.Create(ds[k]), Vector512.Load(s.K + k * hsp + d0), a0);
                ((a0 + a1) * scaleV).Store(s.DQ + i * hsp + d0);
            }
        }

        // Scatter: dQ rows, dK = dKᵀ (already holds Qs = Q/√hs), dV.
        for (int i = 0; i < t; i++)
        {
            float* row = dqkv + ((nint)b * t + i) * 3 * c + h * hs;
            for (int d = 0; d < hs; d++)
            {
                row[d] = s.DQ[i * hsp + d];
                row[c + d] = s.DKT[d * tp + i];
                row[2 * c + d] = s.DVT[d * tp + i];
            }
        }
    }

    public sealed class ForwardWork : ParallelWork
    {
        public Scratch[] Scratches = [];
        public float* Output, Att, Qkv;
        public int Batch, Context, C, Heads;

        public void Run(WorkerPool pool) => pool.Run(this, Batch * Heads);

        public override void Execute(int chunk, int worker) =>
            ForwardHead(Scratches[worker], Output, Att, Qkv, chunk / Heads, chunk % Heads, Context, C, Heads);
    }

    public sealed class BackwardWork : ParallelWork
    {
        public Scratch[] Scratches = [];
        public float* DQkv, DOutput, Att, Qkv;
        public int Batch, Context, C, Heads;

        public void Run(WorkerPool pool) => pool.Run(this, Batch * Heads);

        public override void Execute(int chunk, int worker) =>
            BackwardHead(Scratches[worker], DQkv, DOutput, Att, Qkv, chunk / Heads, chunk % Heads, Context, C, Heads);
    }
}
