namespace ScaleSim.Training.Backends.Cpu;

/// <summary>
/// <c>nn.Linear</c> over rows: y = x·Wᵀ + b (+ a residual addend fused into the GEMM's initial value), with W stored
/// (out, in). Backward: dx = dy·W, dW = dyᵀ·x, db = Σ_rows dy. All three matrix products go through
/// <see cref="Gemm"/>, transposes expressed as strides; nothing is copied except B's packing.
/// </summary>
internal sealed unsafe class LinearOp
{
    public const int RowsPerChunk = 64;

    private readonly WorkerPool _pool;
    private readonly Gemm _gemm;
    private readonly BiasGradientWork _biasGradient = new();

    public LinearOp(WorkerPool pool, Gemm gemm, float* biasPartials)
    {
        _pool = pool;
        _gemm = gemm;
        _biasGradient.Partials = biasPartials;
    }

    /// <summary>Floats of bias-gradient partials needed for <paramref name="rows"/> rows of width <paramref name="outFeatures"/>.</summary>
    public static long PartialsFloats(int rows, int outFeatures) => (long)((rows + RowsPerChunk - 1) / RowsPerChunk) * outFeatures;

    /// <summary>
    /// output (rows×out) = input (rows×in)·weightᵀ + bias [+ addend (rows×out)]. <paramref name="inputStride"/> and
    /// <paramref name="outputStride"/> are row strides (defaults: in and out).
    /// </summary>
    public void Forward(float* output, float* input, float* weight, float* bias, float* addend, int rows, int inFeatures, int outFeatures,
        int inputStride = 0, int outputStride = 0)
    {
        _gemm.Multiply(_pool, new GemmProblem
        {
            M = rows, N = outFeatures, K = inFeatures,
            A = input, ARowStride = inputStride == 0 ? inFeatures : inputStride, AColStride = 1,
            B = weight, BRowStride = 1, BColStride = inFeatures,
            C = output, Ldc = outputStride == 0 ? outFeatures : outputStride,
            Bias = bias, Addend = addend,
        });
    }

    /// <summary>dinput (rows×in) = doutput·weight, written or added to (<paramref name="accumulate"/>).</summary>
    public void BackwardInput(float* dinput, float* doutput, float* weight, int rows, int inFeatures, int outFeatures, bool accumulate,
        int doutputStride = 0)
    {
        _gemm.Multiply(_pool, new GemmProblem
        {
            M = rows, N = inFeatures, K = outFeatures,
            A = doutput, ARowStride = doutputStride == 0 ? outFeatures : doutputStride, AColStride = 1,
            B = weight, BRowStride = inFeatures, BColStride = 1,
            C = dinput, Ldc = inFeatures, Accumulate = accumulate,
        });
    }

    /// <summary>dweight (out×in) = doutputᵀ·input, overwritten.</summary>
    public void BackwardWeight(float* dweight, float* doutput, float* input, int rows, int inFeatures, int outFeatures, int doutputStride = 0)
    {
        _gemm.Multiply(_pool, new GemmProblem
        {
            M = outFeatures, N = inFeatures, K = rows,
            A = doutput, ARowStride = 1, AColStride = doutputStride == 0 ? outFeatures : doutputStride,
            B = input, BRowStride = inFeatures, BColStride = 1,
            C = dweight, Ldc = inFeatures,
        });
    }

    /// <summary>dbias = Σ_rows doutput, overwritten; summed per fixed block of rows, blocks added in order.</summary>
    public void BackwardBias(float* dbias, float* doutput, int rows, int outFeatures)
    {
        var w = _biasGradient;
        w.DOutput = doutput;
        w.Rows = rows;
        w.Columns = outFeatures;
        int chunks = (rows + RowsPerChunk - 1) / RowsPerChunk;
        _pool.Run(w, chunks);
        new Span<float>(dbias, outFeatures).Clear();
        for (int k = 0; k < chunks; k++) VectorMath.AddTo(w.Partials + (nint)k * outFeatures, dbias, outFeatures);
    }

    private sealed class BiasGradientWork : ParallelWork
    {
        public float* DOutput, Partials;
        public int Rows, Columns;

        public override void Execute(int chunk, int worker)
        {
            float* sum = Partials + (nint)chunk * Columns;
            new Span<float>(sum, Columns).Clear();
            int r1 = Math.Min(Rows, (chunk + 1) * RowsPerChunk);
            for (int r = chunk * RowsPerChunk; r < r1; r++) VectorMath.AddTo(DOutput + (nint)r * Columns, sum, Columns);
        }
    }
}
