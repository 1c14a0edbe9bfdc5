using ILGPU;
using ILGPU.Algorithms;
using ILGPU.Runtime;

namespace ScaleSim.Training.Backends.Ilgpu;

/// <summary>
/// LayerNorm over the last dimension, as <c>Cpu/LayerNormOp</c>: biased variance, ε = 1e-5,
/// y = (x − μ)·r·w + b with r = 1/√(σ² + ε), keeping μ and r per row. Backward: with n̂ = (x − μ)·r and g = dy·w,
/// dx = r·(g − mean(g) − n̂·mean(g·n̂)), dw = Σ_rows dy·n̂, db = Σ_rows dy.
/// </summary>
/// <remarks>
/// One group per row: the threads stride over the columns and meet in <see cref="GroupReduce"/> trees for μ, σ²
/// and the two backward means. The parameter gradients are column sums over rows, taken in two fixed levels: per
/// block of <see cref="RowsPerBlock"/> rows (one thread per block and column, rows in order), then over the blocks in
/// order (<see cref="ColumnSumKernels.Total"/>) — the CPU backend's blocking, with no atomics.
/// </remarks>
internal sealed class LayerNormKernels
{
    public const float Epsilon = 1e-5f;
    public const int RowsPerBlock = 32;

    private readonly Action<AcceleratorStream, KernelConfig, Args> _forward, _backwardInput, _backwardPartials;

    public LayerNormKernels(Accelerator accelerator)
    {
        _forward = accelerator.LoadKernel<Args>(LayerNormForwardKernel);
        _backwardInput = accelerator.LoadKernel<Args>(LayerNormBackwardInputKernel);
        _backwardPartials = accelerator.LoadKernel<Args>(LayerNormBackwardPartialsKernel);
    }

    /// <summary>Floats of the partials buffer the backward needs for <paramref name="rows"/> rows of width <paramref name="c"/>.</summary>
    public static long PartialsFloats(int rows, int c) => (long)Blocks(rows) * 2 * c;

    public static int Blocks(int rows) => (rows + RowsPerBlock - 1) / RowsPerBlock;

    /// <summary>
    /// One call's views. Forward writes <c>Output</c>, <c>Mean</c>, <c>Rstd</c>; backward reads <c>DOutput</c> and
    /// writes (or, with <c>Accumulate</c> = 1, adds to) <c>DInput</c>, and overwrites <c>DWeight</c> and <c>DBias</c>.
    /// </summary>
    public struct Args
    {
        public ArrayView<float> Input, Weight, Bias, Output, Mean, Rstd;
        public ArrayView<float> DOutput, DInput, DWeight, DBias, Partials;
        public int Rows, C, Accumulate;
    }

    public void Forward(AcceleratorStream stream, LaunchShape shape, in Args args) => _forward(stream, shape.Rows(args.Rows), args);

    public void Backward(AcceleratorStream stream, LaunchShape shape, ColumnSumKernels columnSums, in Args args)
    {
        _backwardInput(stream, shape.Rows(args.Rows), args);
        _backwardPartials(stream, shape.Elements((long)Blocks(args.Rows) * args.C), args);
        int blocks = Blocks(args.Rows);
        columnSums.Total(stream, shape, args.DWeight, args.Partials, blocks, 2 * args.C, args.C);
        columnSums.Total(stream, shape, args.DBias, args.Partials.SubView(args.C), blocks, 2 * args.C, args.C);
    }

    private static void LayerNormForwardKernel(Args a)
    {
        var shared = SharedMemory.GetDynamic<float>();
        int t = Group.IdxX, g = Group.DimX, c = a.C;
        for (int row = Grid.IdxX; row < a.Rows; row += Grid.DimX)
        {
            var x = a.Input.SubView(row * c, c);
            float partial = 0f;
            for (int i = t; i < c; i += g) partial += x[i];
            float mean = GroupReduce.Sum(shared, partial) / c;
            partial = 0f;
            for (int i = t; i < c; i += g)
            {
                float d = x[i] - mean;
                partial += d * d;
            }
            float variance = GroupReduce.Sum(shared, partial) / c;
            float rstd = 1f / XMath.Sqrt(variance + Epsilon);
            var y = a.Output.SubView(row * c, c);
            for (int i = t; i < c; i += g) y[i] = (x[i] - mean) * rstd * a.Weight[i] + a.Bias[i];
            if (t == 0)
            {
                a.Mean[row] = mean;
                a.Rstd[row] = rstd;
            }
        }
    }

    private static void LayerNormBackwardInputKernel(Args a)
    {
        var shared = SharedMemory.GetDynamic<float>();
        int t = Group.IdxX, g = Group.DimX, c = a.C;
        for (int row = Grid.IdxX; row < a.Rows; row += Grid.DimX)
        {
            var x = a.Input.SubView(row * c, c);
            var dy = a.DOutput.SubView(row * c, c);
            var dx = a.DInput.SubView(row * c, c);
            float mean = a.Mean[row], rstd = a.Rstd[row];
            float sumG = 0f, sumGn = 0f;
            for (int i = t; i < c; i += g)
            {
                float n = (x[i] - mean) * rstd, gi = dy[i] * a.Weight[i];
                sumG += gi;
                sumGn += gi * n;
            }
            var sums = GroupReduce.Sum(shared, sumG, sumGn);
            float meanG = sums.First / c, meanGn = sums.Second / c;
            for (int i = t; i < c; i += g)
            {
                float n = (x[i] - mean) * rstd, gi = dy[i] * a.Weight[i];
                float d = (gi - meanG - n * meanGn) * rstd;
                dx[i] = a.Accumulate != 0 ? dx[i] + d : d;
            }
        }
    }

    /// <summary>partials[k, j] = Σ_{rows r of block k} dy·n̂ for j &lt; C and Σ dy for j ≥ C (row stride 2C).</summary>
    private static void LayerNormBackwardPartialsKernel(Args a)
    {
        int c = a.C, blocks = Blocks(a.Rows), count = blocks * c;
        for (int i = Grid.GlobalIndex.X; i < count; i += Grid.DimX * Group.DimX)
        {
            int k = i / c, j = i - k * c;
            int r1 = XMath.Min(a.Rows, (k + 1) * RowsPerBlock);
            float dw = 0f, db = 0f;
            for (int r = k * RowsPerBlock; r < r1; r++)
            {
                float dy = a.DOutput[r * c + j];
                dw += dy * ((a.Input[r * c + j] - a.Mean[r]) * a.Rstd[r]);
                db += dy;
            }
            a.Partials[k * 2 * c + j] = dw;
            a.Partials[k * 2 * c + c + j] = db;
        }
    }
}
