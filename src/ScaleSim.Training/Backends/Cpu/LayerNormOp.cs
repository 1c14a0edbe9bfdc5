using System.Runtime.Intrinsics;

namespace ScaleSim.Training.Backends.Cpu;

/// <summary>
/// LayerNorm over the last dimension (Ba, Kiros &amp; Hinton 2016), as <c>nn.LayerNorm</c>: biased variance, ε = 1e-5.
/// Forward y = (x − μ)·r·w + b with r = 1/√(σ² + ε), keeping μ and r per row. Backward (llm.c's
/// <c>layernorm_backward</c>): with n̂ = (x − μ)·r and g = dy·w, dx = r·(g − mean(g) − n̂·mean(g·n̂)),
/// dw = Σ_rows dy·n̂, db = Σ_rows dy.
/// </summary>
/// <remarks>
/// Parallel over fixed blocks of <see cref="RowsPerChunk"/> rows; the parameter gradients are summed per block into
/// a partials buffer and the blocks are then added in order, so dw and db do not depend on the thread count.
/// </remarks>
internal static unsafe class LayerNormOp
{
    public const float Epsilon = 1e-5f;
    public const int RowsPerChunk = 32;

    /// <summary>Floats of partials buffer <see cref="BackwardWork"/> needs for <paramref name="rows"/> rows of width <paramref name="c"/>.</summary>
    public static long PartialsFloats(int rows, int c) => (long)Chunks(rows) * 2 * c;

    public static int Chunks(int rows) => (rows + RowsPerChunk - 1) / RowsPerChunk;

    public static void ForwardRow(float* output, float* mean, float* rstd, float* input, float* weight, float* bias, int row, int c)
    {
        float* x = input + (nint)row * c;
        float* y = output + (nint)row * c;
        float m = VectorMath.Sum(x, c) / c;
        var mv = Vector512.Create(m);
        var acc = Vector512<float>.Zero;
        int i = 0;
        for (; i <= c - 16; i += 16)
        {
            var d = Vector512.Load(x + i) - mv;
            acc = Vector512.FusedMultiplyAdd(d, d, acc);
        }
        float v = Vector512.Sum(acc);
        for (; i < c; i++) v += (x[i] - m) * (x[i] - m);
        float r = 1f / MathF.Sqrt(v / c + Epsilon);
        var rv = Vector512.Create(r);
        for (i = 0; i <= c - 16; i += 16)
        {
            var n = (Vector512.Load(x + i) - mv) * rv;
            Vector512.FusedMultiplyAdd(n, Vector512.Load(weight + i), Vector512.Load(bias + i)).Store(y + i);
        }
        for (; i < c; i++) y[i] = MathF.FusedMultiplyAdd((x[i] - m) * r, weight[i], bias[i]);
        mean[row] = m;
        rstd[row] = r;
    }

    /// <summary>
    /// Input gradient of one row, added to (<paramref name="accumulate"/>) or written into <paramref name="dinput"/>, and
    /// the row's contributions dy·n̂ and dy added to <paramref name="dweight"/> and <paramref name="dbias"/>.
    /// </summary>
    public static void BackwardRow(float* dinput, float* dweight, float* dbias, float* doutput, float* input, float* weight,
        float* mean, float* rstd, int row, int c, bool accumulate)
    {
        float* x = input + (nint)row * c;
        float* dy = doutput + (nint)row * c;
        float* dx = dinput + (nint)row * c;
        float m = mean[row], r = rstd[row];
        var mv = Vector512.Create(m);
        var rv = Vector512.Create(r);
        var sumG = Vector512<float>.Zero;
        var sumGn = Vector512<float>.Zero;
        int i = 0;
        for (; i <= c - 16; i += 16)
        {
            var n = (Vector512.Load(x + i) - mv) * rv;
            var d = Vector512.Load(dy + i);
            var g = d * Vector512.Load(weight + i);
            sumG += g;
            sumGn = Vector512.FusedMultiplyAdd(g, n, sumGn);
            Vector512.FusedMultiplyAdd(d, n, Vector512.Load(dweight + i)).Store(dweight + i);
            (Vector512.Load(dbias + i) + d).Store(dbias + i);
        }
        float sg = Vector512.Sum(sumG), sgn = Vector512.Sum(sumGn);
        for (; i < c; i++)
        {
            float n = (x[i] - m) * r, g = dy[i] * weight[i];
            sg += g;
            sgn += g * n;
            dweight[i] = MathF.FusedMultiplyAdd(dy[i], n, dweight[i]);
            dbias[i] += dy[i];
        }

        float meanG = sg / c, meanGn = sgn / c;
        var meanGv = Vector512.Create(meanG);
        var meanGnv = Vector512.Create(meanGn);
        for (i = 0; i <= c - 16; i += 16)
        {
            var n = (Vector512.Load(x + i) - mv) * rv;
            var g = Vector512.Load(dy + i) * Vector512.Load(weight + i);
            var d = (g - meanGv - n * meanGnv) * rv;
            if (accumulate) d += Vector512.Load(dx + i);
            d.Store(dx + i);
        }
        for (; i < c; i++)
        {
            float n = (x[i] - m) * r, g = dy[i] * weight[i];
            float d = (g - meanG - n * meanGn) * r;
            dx[i] = accumulate ? dx[i] + d : d;
        }
    }

    /// <summary>Forward over all rows.</summary>
    public sealed class ForwardWork : ParallelWork
    {
        public float* Output, Mean, Rstd, Input, Weight, Bias;
        public int Rows, C;

        public void Run(WorkerPool pool) => pool.Run(this, Chunks(Rows));

        public override void Execute(int chunk, int worker)
        {
            int r1 = Math.Min(Rows, (chunk + 1) * RowsPerChunk);
            for (int r = chunk * RowsPerChunk; r < r1; r++) ForwardRow(Output, Mean, Rstd, Input, Weight, Bias, r, C);
        }
    }

    /// <summary>Backward over all rows; parameter gradients are overwritten.</summary>
    public sealed class BackwardWork : ParallelWork
    {
        public float* DInput, DWeight, DBias, DOutput, Input, Weight, Mean, Rstd, Partials;
        public int Rows, C;
        public bool Accumulate;

        public void Run(WorkerPool pool)
        {
            int chunks = Chunks(Rows);
            pool.Run(this, chunks);
            // Fixed-order reduction of the per-block partials.
            new Span<float>(DWeight, C).Clear();
            new Span<float>(DBias, C).Clear();
            for (int k = 0; k < chunks; k++)
            {
                VectorMath.AddTo(Partials + (nint)k * 2 * C, DWeight, C);
                VectorMath.AddTo(Partials + (nint)k * 2 * C + C, DBias, C);
            }
        }

        public override void Execute(int chunk, int worker)
        {
            float* dw = Partials + (nint)chunk * 2 * C, db = dw + C;
            new Span<float>(dw, 2 * C).Clear();
            int r1 = Math.Min(Rows, (chunk + 1) * RowsPerChunk);
            for (int r = chunk * RowsPerChunk; r < r1; r++) BackwardRow(DInput, dw, db, DOutput, Input, Weight, Mean, Rstd, r, C, Accumulate);
        }
    }
}
