using ILGPU;
using ILGPU.Runtime;

namespace ScaleSim.Training.Backends.Ilgpu;

/// <summary>
/// The one matrix product every linear layer, the tied head and their gradients go through (the ILGPU counterpart of
/// <c>Cpu/Gemm</c>): C = A·B [+ bias per column] [+ addend] [+ C], with A (M×K) and B (K×N) read through row and
/// column strides so transposes cost nothing, as in <c>Cpu/GemmProblem</c>.
/// </summary>
/// <remarks>
/// Tiled in shared memory: a group of TS×TS threads owns a 2TS×2TS output tile; for each slice of 2TS values of k it
/// stages the A and B sub-tiles in shared memory (each thread loading four elements of each, walking whichever index
/// is contiguous in global memory so loads coalesce), then every thread accumulates a 2×2 block of outputs — rows
/// ty and ty+TS, columns tx and tx+TS — in registers, so stores coalesce along tx. Out-of-range elements load as zero.
/// The sum over k runs in a fixed order, so results are deterministic. Groups stride over tiles.
/// <para>Large products take the register-blocked variant instead (<see cref="LaunchShape.BlockedMatmulMinTiles"/>):
/// each of the TS×TS threads accumulates a 4×4 block (rows ty + TS·r, columns tx + TS·c) of a 4TS×4TS tile, so a
/// k step reads 8 shared values for 16 multiply-adds instead of 4 for 4 — shared-memory bandwidth, not arithmetic,
/// bounds the 2×2 kernel on a GPU at a quarter of its FP32 peak. The k sum runs in the same order (k ascending, one
/// multiply-add at a time), so both variants give the same bits.</para>
/// </remarks>
internal sealed class MatmulKernels
{
    /// <summary>Outputs per thread along each side in the blocked variant.</summary>
    public const int Block = 4;

    private readonly Action<AcceleratorStream, KernelConfig, Args> _multiply;
    private readonly Action<AcceleratorStream, KernelConfig, Args> _multiplyBlocked;

    public MatmulKernels(Accelerator accelerator)
    {
        _multiply = accelerator.LoadKernel<Args>(MatmulMultiplyKernel);
        _multiplyBlocked = accelerator.LoadKernel<Args>(MatmulMultiplyBlockedKernel);
    }

    /// <summary>
    /// One product. A(i, k) = A[i·ARowStride + k·AColStride], B(k, j) = B[k·BRowStride + j·BColStride],
    /// C(i, j) = C[i·Ldc + j]. <c>Bias</c> (per column) and <c>Addend</c> (like C) are read when their flags are 1;
    /// <c>Accumulate</c> = 1 adds to C instead of overwriting it.
    /// </summary>
    public struct Args
    {
        public ArrayView<float> A, B, C, Bias, Addend;
        public int M, N, K;
        public int ARowStride, AColStride, BRowStride, BColStride, Ldc;
        public int HasBias, HasAddend, Accumulate;
        public int TileThreads;
    }

    /// <summary>The product, by the variant the launch shape picks for its size.</summary>
    public void Multiply(AcceleratorStream stream, LaunchShape shape, Args args)
    {
        if (shape.PrefersBlocked(args.M, args.N)) MultiplyBlocked(stream, shape, args);
        else MultiplySmall(stream, shape, args);
    }

    /// <summary>The 2×2-per-thread kernel (small products: more, smaller tiles).</summary>
    public void MultiplySmall(AcceleratorStream stream, LaunchShape shape, Args args)
    {
        args.TileThreads = shape.TileThreads;
        _multiply(stream, shape.Tiles(args.M, args.N), args);
    }

    /// <summary>The 4×4-per-thread kernel (large products).</summary>
    public void MultiplyBlocked(AcceleratorStream stream, LaunchShape shape, Args args)
    {
        args.TileThreads = shape.TileThreads;
        _multiplyBlocked(stream, shape.BlockedTiles(args.M, args.N), args);
    }

    private static void MatmulMultiplyKernel(Args a)
    {
        var shared = SharedMemory.GetDynamic<float>();
        int ts = a.TileThreads, edge = 2 * ts, area = edge * edge;
        var tileA = shared.SubView(0, area);       // tileA[kk·edge + ii] = A(i0 + ii, k0 + kk)
        var tileB = shared.SubView(area, area);    // tileB[kk·edge + jj] = B(k0 + kk, j0 + jj)
        int t = Group.IdxX, tx = t % ts, ty = t / ts;
        int tilesN = (a.N + edge - 1) / edge, tiles = (a.M + edge - 1) / edge * tilesN;
        bool aAlongK = a.AColStride == 1, bAlongJ = a.BColStride == 1;

        for (int tile = Grid.IdxX; tile < tiles; tile += Grid.DimX)
        {
            int i0 = tile / tilesN * edge, j0 = tile % tilesN * edge;
            float c00 = 0f, c01 = 0f, c10 = 0f, c11 = 0f;
            for (int k0 = 0; k0 < a.K; k0 += edge)
            {
                for (int e = t; e < area; e += ts * ts)
                {
                    int fast = e % edge, slow = e / edge;
                    int ii = aAlongK ? slow : fast, ka = aAlongK ? fast : slow;
                    int i = i0 + ii, k = k0 + ka;
                    tileA[ka * edge + ii] = i < a.M && k < a.K ? a.A[i * a.ARowStride + k * a.AColStride] : 0f;
                    int jj = bAlongJ ? fast : slow, kb = bAlongJ ? slow : fast;
                    int j = j0 + jj;
                    k = k0 + kb;
                    tileB[kb * edge + jj] = k < a.K && j < a.N ? a.B[k * a.BRowStride + j * a.BColStride] : 0f;
                }
                Group.Barrier();
                for (int kk = 0; kk < edge; kk++)
                {
                    float a0 = tileA[kk * edge + ty], a1 = tileA[kk * edge + ty + ts];
                    float b0 = tileB[kk * edge + tx], b1 = tileB[kk * edge + tx + ts];
                    c00 += a0 * b0;
                    c01 += a0 * b1;
                    c10 += a1 * b0;
                    c11 += a1 * b1;
                }
                Group.Barrier();
            }
            Store(a, i0 + ty, j0 + tx, c00);
            Store(a, i0 + ty, j0 + tx + ts, c01);
            Store(a, i0 + ty + ts, j0 + tx, c10);
            Store(a, i0 + ty + ts, j0 + tx + ts, c11);
        }
    }

    private static void MatmulMultiplyBlockedKernel(Args a)
    {
        var shared = SharedMemory.GetDynamic<float>();
        int ts = a.TileThreads, edge = Block * ts, depth = ts, stride = edge + 1, area = depth * stride;
        // tileA[kk·stride + ii] = A(i0 + ii, k0 + kk), tileB[kk·stride + jj] = B(k0 + kk, j0 + jj); the +1 padding keeps
        // the loads below from piling onto one bank when global memory is contiguous along k.
        var tileA = shared.SubView(0, area);
        var tileB = shared.SubView(area, area);
        int t = Group.IdxX, tx = t % ts, ty = t / ts;
        int tilesN = (a.N + edge - 1) / edge, tiles = (a.M + edge - 1) / edge * tilesN;
        bool aAlongK = a.AColStride == 1, bAlongJ = a.BColStride == 1;

        for (int tile = Grid.IdxX; tile < tiles; tile += Grid.DimX)
        {
            int i0 = tile / tilesN * edge, j0 = tile % tilesN * edge;
            float c00 = 0f, c01 = 0f, c02 = 0f, c03 = 0f, c10 = 0f, c11 = 0f, c12 = 0f, c13 = 0f;
            float c20 = 0f, c21 = 0f, c22 = 0f, c23 = 0f, c30 = 0f, c31 = 0f, c32 = 0f, c33 = 0f;
            for (int k0 = 0; k0 < a.K; k0 += depth)
            {
                for (int e = t; e < edge * depth; e += ts * ts)
                {
                    int ii = aAlongK ? e / depth : e % edge, ka = aAlongK ? e % depth : e / edge;
                    int i = i0 + ii, k = k0 + ka;
                    tileA[ka * stride + ii] = i < a.M && k < a.K ? a.A[i * a.ARowStride + k * a.AColStride] : 0f;
                    int jj = bAlongJ ? e % edge : e / depth, kb = bAlongJ ? e / edge : e % depth;
                    int j = j0 + jj;
                    k = k0 + kb;
                    tileB[kb * stride + jj] = k < a.K && j < a.N ? a.B[k * a.BRowStride + j * a.BColStride] : 0f;
                }
                Group.Barrier();
                for (int kk = 0; kk < depth; kk++)
                {
                    int row = kk * stride;
                    float a0 = tileA[row + ty], a1 = tileA[row + ty + ts], a2 = tileA[row + ty + 2 * ts], a3 = tileA[row + ty + 3 * ts];
                    float b0 = tileB[row + tx], b1 = tileB[row + tx + ts], b2 = tileB[row + tx + 2 * ts], b3 = tileB[row + tx + 3 * ts];
                    c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3;
                    c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3;
                    c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2; c23 += a2 * b3;
                    c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2; c33 += a3 * b3;
                }
                Group.Barrier();
            }
            int r0 = i0 + ty, s0 = j0 + tx;
            Store(a, r0, s0, c00); Store(a, r0, s0 + ts, c01); Store(a, r0, s0 + 2 * ts, c02); Store(a, r0, s0 + 3 * ts, c03);
            Store(a, r0 + ts, s0, c10); Store(a, r0 + ts, s0 + ts, c11); Store(a, r0 + ts, s0 + 2 * ts, c12); Store(a, r0 + ts, s0 + 3 * ts, c13);
            Store(a, r0 + 2 * ts, s0, c20); Store(a, r0 + 2 * ts, s0 + ts, c21); Store(a, r0 + 2 * ts, s0 + 2 * ts, c22); Store(a, r0 + 2 * ts, s0 + 3 * ts, c23);
            Store(a, r0 + 3 * ts, s0, c30); Store(a, r0 + 3 * ts, s0 + ts, c31); Store(a, r0 + 3 * ts, s0 + 2 * ts, c32); Store(a, r0 + 3 * ts, s0 + 3 * ts, c33);
        }
    }

    private static void Store(Args a, int i, int j, float value)
    {
        if (i >= a.M || j >= a.N) return;
        int at = i * a.Ldc + j;
        if (a.HasBias != 0) value += a.Bias[j];
        if (a.HasAddend != 0) value += a.Addend[at];
        if (a.Accumulate != 0) value += a.C[at];
        a.C[at] = value;
    }
}
