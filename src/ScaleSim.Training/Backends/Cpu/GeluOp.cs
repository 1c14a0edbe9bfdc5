using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ScaleSim.Training.Backends.Cpu;

/// <summary>
/// The exact (erf) GELU of Hendrycks &amp; Gimpel (2016), PyTorch's default <c>F.gelu</c> as the peer uses:
/// y = x·Φ(x) = ½x(1 + erf(x/√2)); dy/dx = Φ(x) + x·φ(x) with φ(x) = e^(−x²/2)/√(2π).
/// </summary>
/// <remarks>
/// erf is Abramowitz &amp; Stegun 7.1.26 (absolute error ≤ 1.5·10⁻⁷, below float resolution of Φ), vectorised; not
/// GPT-2's tanh approximation, which differs from the peer by up to 10⁻³. Elements are processed in fixed chunks of
/// <see cref="ElementsPerChunk"/>; a final partial vector goes through a zero-padded staging vector so every element
/// sees the same arithmetic.
/// </remarks>
internal static unsafe class GeluOp
{
    public const int ElementsPerChunk = 8192;

    private const float InvSqrt2 = 0.70710678118654752f;
    private const float InvSqrt2Pi = 0.39894228040143268f;

    /// <summary>erf by Abramowitz &amp; Stegun 7.1.26.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Erf(Vector512<float> x, out Vector512<float> expMinusX2)
    {
        var ax = Vector512.Abs(x);
        var one = Vector512<float>.One;
        var t = one / Vector512.FusedMultiplyAdd(Vector512.Create(0.3275911f), ax, one);
        var poly = Vector512.FusedMultiplyAdd(Vector512.Create(1.061405429f), t, Vector512.Create(-1.453152027f));
        poly = Vector512.FusedMultiplyAdd(poly, t, Vector512.Create(1.421413741f));
        poly = Vector512.FusedMultiplyAdd(poly, t, Vector512.Create(-0.284496736f));
        poly = Vector512.FusedMultiplyAdd(poly, t, Vector512.Create(0.254829592f));
        poly *= t;
        expMinusX2 = VectorMath.Exp(-(ax * ax));
        var y = one - poly * expMinusX2;
        return Vector512.CopySign(y, x);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Forward(Vector512<float> x)
    {
        var erf = Erf(x * Vector512.Create(InvSqrt2), out _);
        return Vector512.Create(0.5f) * x * (Vector512<float>.One + erf);
    }

    /// <summary>dx = dy·(Φ(x) + x·φ(x)).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Backward(Vector512<float> x, Vector512<float> dy)
    {
        var erf = Erf(x * Vector512.Create(InvSqrt2), out var expHalfX2);
        var cdf = Vector512.Create(0.5f) * (Vector512<float>.One + erf);
        var pdf = Vector512.Create(InvSqrt2Pi) * expHalfX2;
        return dy * Vector512.FusedMultiplyAdd(x, pdf, cdf);
    }

    public static int Chunks(long count) => (int)((count + ElementsPerChunk - 1) / ElementsPerChunk);

    public static void ForwardRange(float* output, float* input, long start, long end)
    {
        long i = start;
        for (; i <= end - 16; i += 16) Forward(Vector512.Load(input + i)).Store(output + i);
        if (i < end)
        {
            int n = (int)(end - i);
            float* stage = stackalloc float[16];
            for (int j = 0; j < 16; j++) stage[j] = j < n ? input[i + j] : 0f;
            var y = Forward(Vector512.Load(stage));
            y.Store(stage);
            for (int j = 0; j < n; j++) output[i + j] = stage[j];
        }
    }

    /// <summary>dinput = doutput·GELU'(input); <paramref name="dinput"/> may alias <paramref name="doutput"/>.</summary>
    public static void BackwardRange(float* dinput, float* doutput, float* input, long start, long end)
    {
        long i = start;
        for (; i <= end - 16; i += 16) Backward(Vector512.Load(input + i), Vector512.Load(doutput + i)).Store(dinput + i);
        if (i < end)
        {
            int n = (int)(end - i);
            float* stage = stackalloc float[32];
            for (int j = 0; j < 16; j++)
            {
                stage[j] = j < n ? input[i + j] : 0f;
                stage[16 + j] = j < n ? doutput[i + j] : 0f;
            }
            var d = Backward(Vector512.Load(stage), Vector512.Load(stage + 16));
            d.Store(stage);
            for (int j = 0; j < n; j++) dinput[i + j] = stage[j];
        }
    }

    public sealed class ForwardWork : ParallelWork
    {
        public float* Output, Input;
        public long Count;

        public void Run(WorkerPool pool) => pool.Run(this, Chunks(Count));

        public override void Execute(int chunk, int worker) =>
            ForwardRange(Output, Input, (long)chunk * ElementsPerChunk, Math.Min(Count, (long)(chunk + 1) * ElementsPerChunk));
    }

    public sealed class BackwardWork : ParallelWork
    {
        public float* DInput, DOutput, Input;
        public long Count;

        public void Run(WorkerPool pool) => pool.Run(this, Chunks(Count));

        public override void Execute(int chunk, int worker) =>
            BackwardRange(DInput, DOutput, Input, (long)chunk * ElementsPerChunk, Math.Min(Count, (long)(chunk + 1) * ElementsPerChunk));
    }
}
