using ILGPU;
using ILGPU.Algorithms;
using ILGPU.Runtime;

namespace ScaleSim.Training.Backends.Ilgpu;

/// <summary>
/// Column sums of a row-major matrix in two fixed levels, the deterministic replacement for atomics: per block of
/// <see cref="RowsPerBlock"/> rows (one thread per block and column, rows in order), then over the blocks in order.
/// The linear layers' bias gradients use both levels; LayerNorm writes its own first level and uses <see cref="Total"/>.
/// </summary>
internal sealed class ColumnSumKernels
{
    public const int RowsPerBlock = 32;

    private readonly Action<AcceleratorStream, KernelConfig, Args> _blockSums, _total;

    public ColumnSumKernels(Accelerator accelerator)
    {
        _blockSums = accelerator.LoadKernel<Args>(ColumnSumBlockSumsKernel);
        _total = accelerator.LoadKernel<Args>(ColumnSumTotalKernel);
    }

    public static int Blocks(int rows) => (rows + RowsPerBlock - 1) / RowsPerBlock;

    /// <summary>Output[j] = Σ_r Input[r·Stride + j] for j &lt; Columns, over <c>Rows</c> rows.</summary>
    public struct Args
    {
        public ArrayView<float> Input, Output;
        public int Rows, Stride, Columns;
    }

    /// <summary>
    /// <paramref name="output"/>[j] = Σ_r <paramref name="input"/>[r, j] over <paramref name="rows"/> rows of width
    /// <paramref name="columns"/>, through <paramref name="partials"/> (<see cref="Blocks"/>·columns floats); overwritten.
    /// </summary>
    public void Sum(AcceleratorStream stream, LaunchShape shape, ArrayView<float> output, ArrayView<float> input, ArrayView<float> partials,
        int rows, int columns)
    {
        var first = new Args { Input = input, Output = partials, Rows = rows, Stride = columns, Columns = columns };
        _blockSums(stream, shape.Elements((long)Blocks(rows) * columns), first);
        Total(stream, shape, output, partials, Blocks(rows), columns, columns);
    }

    /// <summary><paramref name="output"/>[j] = Σ_k <paramref name="partials"/>[k·stride + j], k in order; overwritten.</summary>
    public void Total(AcceleratorStream stream, LaunchShape shape, ArrayView<float> output, ArrayView<float> partials, int blocks, int stride, int columns)
    {
        var args = new Args { Input = partials, Output = output, Rows = blocks, Stride = stride, Columns = columns };
        _total(stream, shape.Elements(columns), args);
    }

    private static void ColumnSumBlockSumsKernel(Args a)
    {
        int blocks = Blocks(a.Rows), count = blocks * a.Columns;
        for (int i = Grid.GlobalIndex.X; i < count; i += Grid.DimX * Group.DimX)
        {
            int k = i / a.Columns, j = i - k * a.Columns;
            int r1 = XMath.Min(a.Rows, (k + 1) * RowsPerBlock);
            float sum = 0f;
            for (int r = k * RowsPerBlock; r < r1; r++) sum += a.Input[r * a.Stride + j];
            a.Output[i] = sum;
        }
    }

    private static void ColumnSumTotalKernel(Args a)
    {
        for (int j = Grid.GlobalIndex.X; j < a.Columns; j += Grid.DimX * Group.DimX)
        {
            float sum = 0f;
            for (int k = 0; k < a.Rows; k++) sum += a.Input[k * a.Stride + j];
            a.Output[j] = sum;
        }
    }
}
