using ILGPU;
using ILGPU.Algorithms;
using ILGPU.Runtime;

namespace ScaleSim.Training.Backends.Ilgpu;

/// <summary>
/// The exact (erf) GELU, as <c>Cpu/GeluOp</c>: y = ½x(1 + erf(x/√2)); dy/dx = Φ(x) + x·φ(x) with
/// φ(x) = e^(−x²/2)/√(2π); erf by Abramowitz &amp; Stegun 7.1.26 (absolute error ≤ 1.5·10⁻⁷), the same polynomial
/// as the CPU backend. One thread per element.
/// </summary>
internal sealed class GeluKernels
{
    private const float InvSqrt2 = 0.70710678118654752f;
    private const float InvSqrt2Pi = 0.39894228040143268f;

    private readonly Action<AcceleratorStream, KernelConfig, Args> _forward, _backward;

    public GeluKernels(Accelerator accelerator)
    {
        _forward = accelerator.LoadKernel<Args>(GeluForwardKernel);
        _backward = accelerator.LoadKernel<Args>(GeluBackwardKernel);
    }

    /// <summary>Forward: Output = GELU(Input). Backward: DInput = DOutput·GELU'(Input); DInput may be DOutput.</summary>
    public struct Args
    {
        public ArrayView<float> Input, Output, DOutput, DInput;
        public int Count;
    }

    public void Forward(AcceleratorStream stream, LaunchShape shape, in Args args) => _forward(stream, shape.Elements(args.Count), args);

    public void Backward(AcceleratorStream stream, LaunchShape shape, in Args args) => _backward(stream, shape.Elements(args.Count), args);

    /// <summary>erf(x) and e^(−x²).</summary>
    private static FloatPair Erf(float x)
    {
        float ax = XMath.Abs(x);
        float t = 1f / (0.3275911f * ax + 1f);
        float poly = 1.061405429f * t - 1.453152027f;
        poly = poly * t + 1.421413741f;
        poly = poly * t - 0.284496736f;
        poly = poly * t + 0.254829592f;
        poly *= t;
        float expMinusX2 = XMath.Exp(-(ax * ax));
        float y = 1f - poly * expMinusX2;
        return new FloatPair(x < 0f ? -y : y, expMinusX2);
    }

    private static void GeluForwardKernel(Args a)
    {
        for (int i = Grid.GlobalIndex.X; i < a.Count; i += Grid.DimX * Group.DimX)
        {
            float x = a.Input[i];
            a.Output[i] = 0.5f * x * (1f + Erf(x * InvSqrt2).First);
        }
    }

    private static void GeluBackwardKernel(Args a)
    {
        for (int i = Grid.GlobalIndex.X; i < a.Count; i += Grid.DimX * Group.DimX)
        {
            float x = a.Input[i];
            var erf = Erf(x * InvSqrt2);
            float cdf = 0.5f * (1f + erf.First);
            float pdf = InvSqrt2Pi * erf.Second;
            a.DInput[i] = a.DOutput[i] * (x * pdf + cdf);
        }
    }
}
