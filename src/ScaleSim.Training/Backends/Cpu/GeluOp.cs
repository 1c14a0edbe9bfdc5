using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ScaleSim.Training.Backends.Cpu;

/// <summary>
/// The exact (erf) GELU of Hendrycks &amp; Gimpel (2016), PyTorch's default <c>F.gelu</c> as the peer uses:
/// y = x·Φ(x) = ½x(1 + erf(x/√2)); dy/dx = Φ(x) + x·φ(x) with φ(x) = e^(−x²/2)/√(2π).
/// </summary>
/// <remarks>
/// The forward pass writes the derivative dy/dx beside y (it costs a few FMAs once erf and the exponential are in
/// registers), so the backward is a single multiply and the pre-activation need not be kept.
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

    /// <summary>y = x·Φ(x) and dy/dx = Φ(x) + x·φ(x).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Forward(Vector512<float> x, out Vector512<float> derivative)
    {
        var erf = Erf(x * Vector512.Create(InvSqrt2), out var expHalfX2);
        var cdf = Vector512.Create(0.5f) * (Vector512<float>.One + erf);
        derivative = Vector512.FusedMultiplyAdd(x, Vector512.Create(InvSqrt2Pi) * expHalfX2, cdf);
        return x * cdf;
    }

    public static int Chunks(long count) => (int)((count + ElementsPerChunk - 1) / ElementsPerChunk);

    /// <summary>output = GELU(input), derivative = GELU'(input) over [start, end).</summary>
    public static void ForwardRange(float* output, float* derivative, float* input, long start, long end)
    {
        long i = start;
        for (; i <= end - 16; i += 16)
        {
            Forward(Vector512.Load(input + i), out var d).Store(output + i);
            d.Store(derivative + i);
        }
        if (i < end)
        {
            int n = (int)(end - i);
            float* stage = stackalloc float[32];
            for (int j = 0; j < 16; j++) stage[j] = j < n ? input[i + j] : 0f;
            Forward(Vector512.Load(stage), out var d).Store(stage);
            d.Store(stage + 16);
            for (int j = 0; j < n; j++)
            {
                output[i + j] = stage[j];
                derivative[i + j] = stage[16 + j];
            }
        }
    }

    /// <summary>dinput = doutput·GELU'(input) from the stored derivative; <paramref name="dinput"/> may alias <paramref name="doutput"/>.</summary>
    public static void BackwardRange(float* dinput, float* doutput, float* derivative, long start, long end)
    {
        long i = start;
        for (; i <= end - 16; i += 16) (Vector512.Load(doutput + i) * Vector512.Load(derivative + i)).Store(dinput + i);
        for (; i < end; i++) dinput[i] = doutput[i] * derivative[i];
    }

    public sealed class ForwardWork : ParallelWork
    {
        public float* Output, Derivative, Input;
        public long Count;

        public void Run(WorkerPool pool) => pool.Run(this, Chunks(Count));

        public override void Execute(int chunk, int worker) =>
            ForwardRange(Output, Derivative, Input, (long)chunk * ElementsPerChunk, Math.Min(Count, (long)(chunk + 1) * ElementsPerChunk));
    }

    public sealed class BackwardWork : ParallelWork
    {
        public float* DInput, DOutput, Derivative;
        public long Count;

        public void Run(WorkerPool pool) => pool.Run(this, Chunks(Count));

        public override void Execute(int chunk, int worker) =>
            BackwardRange(DInput, DOutput, Derivative, (long)chunk * ElementsPerChunk, Math.Min(Count, (long)(chunk + 1) * ElementsPerChunk));
    }
}
