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
/// </remarks>
internal sealed class MatmulKernels
{
    private readonly Action<AcceleratorStream, KernelConfig, Args> _multiply;

    public MatmulKernels(Accelerator accelerator) => _multiply = accelerator.LoadKernel<Args>(MatmulMultiplyKernel);

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

    public void Multiply(AcceleratorStream stream, LaunchShape shape, Args args)
    {
        args.TileThreads = shape.TileThreads;
        _multiply(stream, shape.Tiles(args.M, args.N), args);
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
