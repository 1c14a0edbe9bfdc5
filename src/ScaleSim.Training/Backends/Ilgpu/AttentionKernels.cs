using ILGPU;
using ILGPU.Algorithms;
using ILGPU.Runtime;

namespace ScaleSim.Training.Backends.Ilgpu;

/// <summary>
/// Causal multi-head self-attention on the fused QKV activations (rows of 3d: queries, keys, values, head h at
/// columns h·hs), as <c>Cpu/AttentionOp</c>. Forward: S = Q·Kᵀ/√hs, P = softmax(S) with the future masked,
/// Y = P·V; P is kept, (B, H, T, T) with zeros above the diagonal. Backward (llm.c's <c>attention_backward</c>):
/// dP = dY·Vᵀ, dS = P ⊙ (dP − rowsum(P ⊙ dP)), dQ = dS·K/√hs, dK = dSᵀ·Q/√hs, dV = Pᵀ·dY.
/// </summary>
/// <remarks>
/// Four gather-free kernels, each output written by exactly one thread (no atomics): one thread per (sequence,
/// head, query) computes a row of P (forward) or of dS (backward, kept in a (B, H, T, T) scratch); one thread per
/// (row, channel) then forms Y, or dQ, dK and dV — dK and dV as sums over the later queries that attended to the key.
/// </remarks>
internal sealed class AttentionKernels
{
    private readonly Action<AcceleratorStream, KernelConfig, Args> _probabilities, _values, _scoreGradients, _inputGradients;

    public AttentionKernels(Accelerator accelerator)
    {
        _probabilities = accelerator.LoadKernel<Args>(AttentionProbabilitiesKernel);
        _values = accelerator.LoadKernel<Args>(AttentionValuesKernel);
        _scoreGradients = accelerator.LoadKernel<Args>(AttentionScoreGradientsKernel);
        _inputGradients = accelerator.LoadKernel<Args>(AttentionInputGradientsKernel);
    }

    /// <summary>One call's views: Qkv (B·T, 3C), Att = P (B, H, T, T), Output = Y (B·T, C); backward also DOutput = dY, DAtt = dS, DQkv.</summary>
    public struct Args
    {
        public ArrayView<float> Qkv, Att, Output, DOutput, DAtt, DQkv;
        public int Batch, Context, C, Heads;
    }

    public void Forward(AcceleratorStream stream, LaunchShape shape, in Args args)
    {
        _probabilities(stream, shape.Elements((long)args.Batch * args.Heads * args.Context), args);
        _values(stream, shape.Elements((long)args.Batch * args.Context * args.C), args);
    }

    public void Backward(AcceleratorStream stream, LaunchShape shape, in Args args)
    {
        _scoreGradients(stream, shape.Elements((long)args.Batch * args.Heads * args.Context), args);
        _inputGradients(stream, shape.Elements((long)args.Batch * args.Context * args.C), args);
    }

    /// <summary>Row i of P for (b, h): scores of keys j ≤ i, max-subtracted softmax, zeros for j &gt; i.</summary>
    private static void AttentionProbabilitiesKernel(Args a)
    {
        int t = a.Context, c = a.C, hs = c / a.Heads, count = a.Batch * a.Heads * t;
        float scale = 1f / XMath.Sqrt((float)hs);
        for (int row = Grid.GlobalIndex.X; row < count; row += Grid.DimX * Group.DimX)
        {
            int i = row % t, bh = row / t, h = bh % a.Heads, b = bh / a.Heads;
            var q = a.Qkv.SubView((b * t + i) * 3 * c + h * hs, hs);
            var p = a.Att.SubView(row * t, t);
            float max = float.NegativeInfinity;
            for (int j = 0; j <= i; j++)
            {
                var k = a.Qkv.SubView((b * t + j) * 3 * c + c + h * hs, hs);
                float s = 0f;
                for (int d = 0; d < hs; d++) s += q[d] * scale * k[d];
                p[j] = s;
                if (s > max) max = s;
            }
            float sum = 0f;
            for (int j = 0; j <= i; j++)
            {
                float e = XMath.Exp(p[j] - max);
                p[j] = e;
                sum += e;
            }
            float inv = 1f / sum;
            for (int j = 0; j <= i; j++) p[j] *= inv;
            for (int j = i + 1; j < t; j++) p[j] = 0f;
        }
    }

    /// <summary>Y[b, i, h·hs + d] = Σ_{j ≤ i} P[b, h, i, j]·V[b, j, h·hs + d].</summary>
    private static void AttentionValuesKernel(Args a)
    {
        int t = a.Context, c = a.C, hs = c / a.Heads, count = a.Batch * t * c;
        for (int e = Grid.GlobalIndex.X; e < count; e += Grid.DimX * Group.DimX)
        {
            int bi = e / c, channel = e - bi * c, b = bi / t, i = bi - b * t, h = channel / hs;
            var p = a.Att.SubView(((b * a.Heads + h) * t + i) * t, t);
            float y = 0f;
            for (int j = 0; j <= i; j++) y += p[j] * a.Qkv[(b * t + j) * 3 * c + 2 * c + channel];
            a.Output[e] = y;
        }
    }

    /// <summary>Row i of dS for (b, h): dP[j] = dY[i]·V[j], then dS[j] = P[j]·(dP[j] − Σ_j P·dP); zeros for j &gt; i.</summary>
    private static void AttentionScoreGradientsKernel(Args a)
    {
        int t = a.Context, c = a.C, hs = c / a.Heads, count = a.Batch * a.Heads * t;
        for (int row = Grid.GlobalIndex.X; row < count; row += Grid.DimX * Group.DimX)
        {
            int i = row % t, bh = row / t, h = bh % a.Heads, b = bh / a.Heads;
            var dy = a.DOutput.SubView((b * t + i) * c + h * hs, hs);
            var p = a.Att.SubView(row * t, t);
            var ds = a.DAtt.SubView(row * t, t);
            float rowDot = 0f;
            for (int j = 0; j <= i; j++)
            {
                var v = a.Qkv.SubView((b * t + j) * 3 * c + 2 * c + h * hs, hs);
                float dp = 0f;
                for (int d = 0; d < hs; d++) dp += dy[d] * v[d];
                ds[j] = dp;
                rowDot += p[j] * dp;
            }
            for (int j = 0; j <= i; j++) ds[j] = p[j] * (ds[j] - rowDot);
            for (int j = i + 1; j < t; j++) ds[j] = 0f;
        }
    }

    /// <summary>
    /// For row (b, i) and channel h·hs + d: dQ = Σ_{j ≤ i} dS[i, j]·K[j]/√hs, dK = Σ_{q ≥ i} dS[q, i]·Q[q]/√hs,
    /// dV = Σ_{q ≥ i} P[q, i]·dY[q].
    /// </summary>
    private static void AttentionInputGradientsKernel(Args a)
    {
        int t = a.Context, c = a.C, hs = c / a.Heads, count = a.Batch * t * c;
        float scale = 1f / XMath.Sqrt((float)hs);
        for (int e = Grid.GlobalIndex.X; e < count; e += Grid.DimX * Group.DimX)
        {
            int bi = e / c, channel = e - bi * c, b = bi / t, i = bi - b * t, h = channel / hs;
            int head = (b * a.Heads + h) * t;
            float dq = 0f;
            for (int j = 0; j <= i; j++) dq += a.DAtt[(head + i) * t + j] * a.Qkv[(b * t + j) * 3 * c + c + channel];
            float dk = 0f, dv = 0f;
            for (int q = i; q < t; q++)
            {
                dk += a.DAtt[(head + q) * t + i] * (a.Qkv[(b * t + q) * 3 * c + channel] * scale);
                dv += a.Att[(head + q) * t + i] * a.DOutput[(b * t + q) * c + channel];
            }
            int at = bi * 3 * c + channel;
            a.DQkv[at] = dq * scale;
            a.DQkv[at + c] = dk;
            a.DQkv[at + 2 * c] = dv;
        }
    }
}
