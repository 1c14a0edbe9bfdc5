using ILGPU;
using ILGPU.Runtime;

namespace ScaleSim.Training.Backends.Ilgpu;

/// <summary>
/// How the kernels of one accelerator are launched. Every kernel loops over its work with a grid stride, so any
/// grid size is correct: a GPU gets many groups of 256 threads, ILGPU's CPU accelerator (one OS thread per simulated
/// thread, a barrier costing about a millisecond) a couple of groups of 4, which still exercises every tree level,
/// tile edge and grid-stride step of the same code.
/// </summary>
/// <param name="ElementGroup">Threads per group of elementwise and per-row kernels (a power of two).</param>
/// <param name="RowGroup">Threads cooperating on one row in the row reductions (LayerNorm, softmax; a power of two).</param>
/// <param name="TileThreads">TS: matmul groups are TS×TS threads, each computing a 2×2 block of a 2TS×2TS output tile.</param>
/// <param name="MaxGroups">Most groups in one launch.</param>
/// <param name="NormGroups">Groups (and so partial sums) of the gradient-norm reduction, fixed per accelerator so the norm is deterministic.</param>
/// <param name="BlockedMatmulMinTiles">
/// Products with at least this many 4TS×4TS output tiles take the 4×4-per-thread matmul; smaller ones the 2×2 kernel,
/// whose 4× more tiles keep more multiprocessors busy. Both give the same bits.
/// </param>
internal readonly record struct LaunchShape(int ElementGroup, int RowGroup, int TileThreads, int MaxGroups, int NormGroups, int BlockedMatmulMinTiles = int.MaxValue)
{
    /// <summary>The shape for ILGPU's CPU accelerator built by <see cref="IlgpuDevice"/> (groups of at most 4 threads; the 2×2 matmul only).</summary>
    public static LaunchShape CpuAccelerator => new(ElementGroup: 4, RowGroup: 4, TileThreads: 2, MaxGroups: 2, NormGroups: 2);

    /// <summary>The shape for a GPU: groups of 256 (or the device's largest power of two), 16 groups per multiprocessor at most.</summary>
    public static LaunchShape Gpu(Accelerator accelerator)
    {
        int group = LargestPowerOfTwoAtMost(Math.Min(256, accelerator.MaxNumThreadsPerGroup));
        int tile = group >= 256 ? 16 : group >= 64 ? 8 : 4;
        int multiprocessors = Math.Max(1, accelerator.NumMultiprocessors);
        // The blocked matmul once its 64×64 tiles give every multiprocessor two groups.
        return new LaunchShape(group, Math.Min(128, group), tile, 16 * multiprocessors, 2 * multiprocessors, BlockedMatmulMinTiles: 2 * multiprocessors);
    }

    /// <summary>One thread per item, grid-strided over <paramref name="count"/> items.</summary>
    public KernelConfig Elements(long count) => new(Groups((count + ElementGroup - 1) / ElementGroup), ElementGroup);

    /// <summary>One group per row, grid-strided over <paramref name="rows"/>, with shared memory for two reductions at once.</summary>
    public KernelConfig Rows(int rows) => new(Groups(rows), RowGroup, SharedMemoryConfig.RequestDynamic<float>(2 * RowGroup));

    /// <summary>One group per 2TS×2TS tile of an m×n output, with shared memory for one tile of each operand.</summary>
    public KernelConfig Tiles(int m, int n)
    {
        int edge = 2 * TileThreads;
        long tiles = (long)((m + edge - 1) / edge) * ((n + edge - 1) / edge);
        return new(Groups(tiles), TileThreads * TileThreads, SharedMemoryConfig.RequestDynamic<float>(2 * edge * edge));
    }

    /// <summary>Whether an m×n product takes the blocked matmul.</summary>
    public bool PrefersBlocked(int m, int n)
    {
        int edge = MatmulKernels.Block * TileThreads;
        return (long)((m + edge - 1) / edge) * ((n + edge - 1) / edge) >= BlockedMatmulMinTiles;
    }

    /// <summary>One group per 4TS×4TS tile of an m×n output, with shared memory for a TS-deep slice of each operand (rows padded by one).</summary>
    public KernelConfig BlockedTiles(int m, int n)
    {
        int edge = MatmulKernels.Block * TileThreads;
        long tiles = (long)((m + edge - 1) / edge) * ((n + edge - 1) / edge);
        return new(Groups(tiles), TileThreads * TileThreads, SharedMemoryConfig.RequestDynamic<float>(2 * TileThreads * (edge + 1)));
    }

    /// <summary>Exactly <see cref="NormGroups"/> groups of <see cref="ElementGroup"/> threads, with shared doubles for the tree.</summary>
    public KernelConfig Norm() => new(NormGroups, ElementGroup, SharedMemoryConfig.RequestDynamic<double>(ElementGroup));

    private int Groups(long needed) => (int)Math.Clamp(needed, 1, MaxGroups);

    private static int LargestPowerOfTwoAtMost(int n)
    {
        int p = 1;
        while (p * 2 <= n) p *= 2;
        return p;
    }
}
