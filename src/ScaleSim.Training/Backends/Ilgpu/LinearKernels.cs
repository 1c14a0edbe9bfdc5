using ILGPU;
using ILGPU.Runtime;

namespace ScaleSim.Training.Backends.Ilgpu;

/// <summary>
/// <c>nn.Linear</c> over rows, as <c>Cpu/LinearOp</c>: y = x·Wᵀ + b (+ a residual addend fused into the product),
/// with W stored (out, in). Backward: dx = dy·W, dW = dyᵀ·x, db = Σ_rows dy. The three products are
/// <see cref="MatmulKernels"/> calls with transposes expressed as strides; the bias gradient is a two-level
/// <see cref="ColumnSumKernels"/> sum.
/// </summary>
internal sealed class LinearKernels(MatmulKernels matmul, ColumnSumKernels columnSums, ArrayView<float> none)
{
    /// <summary>
    /// output (rows×out) = input (rows×in)·weightᵀ [+ bias] [+ addend (rows×out)]; an empty
    /// <paramref name="bias"/> or <paramref name="addend"/> (length 0) is left out.
    /// </summary>
    public void Forward(AcceleratorStream stream, LaunchShape shape, ArrayView<float> output, ArrayView<float> input, ArrayView<float> weight,
        ArrayView<float> bias, ArrayView<float> addend, int rows, int inFeatures, int outFeatures)
    {
        matmul.Multiply(stream, shape, new MatmulKernels.Args
        {
            M = rows, N = outFeatures, K = inFeatures,
            A = input, ARowStride = inFeatures, AColStride = 1,
            B = weight, BRowStride = 1, BColStride = inFeatures,
            C = output, Ldc = outFeatures,
            Bias = bias.Length > 0 ? bias : none, HasBias = bias.Length > 0 ? 1 : 0,
            Addend = addend.Length > 0 ? addend : none, HasAddend = addend.Length > 0 ? 1 : 0,
        });
    }

    /// <summary>dinput (rows×in) = doutput·weight, written or added to (<paramref name="accumulate"/>).</summary>
    public void BackwardInput(AcceleratorStream stream, LaunchShape shape, ArrayView<float> dinput, ArrayView<float> doutput, ArrayView<float> weight,
        int rows, int inFeatures, int outFeatures, bool accumulate)
    {
        matmul.Multiply(stream, shape, new MatmulKernels.Args
        {
            M = rows, N = inFeatures, K = outFeatures,
            A = doutput, ARowStride = outFeatures, AColStride = 1,
            B = weight, BRowStride = inFeatures, BColStride = 1,
            C = dinput, Ldc = inFeatures, Accumulate = accumulate ? 1 : 0,
            Bias = none, Addend = none,
        });
    }

    /// <summary>dweight (out×in) = doutputᵀ·input, overwritten.</summary>
    public void BackwardWeight(AcceleratorStream stream, LaunchShape shape, ArrayView<float> dweight, ArrayView<float> doutput, ArrayView<float> input,
        int rows, int inFeatures, int outFeatures)
    {
        matmul.Multiply(stream, shape, new MatmulKernels.Args
        {
            M = outFeatures, N = inFeatures, K = rows,
            A = doutput, ARowStride = 1, AColStride = outFeatures,
            B = input, BRowStride = inFeatures, BColStride = 1,
            C = dweight, Ldc = inFeatures,
            Bias = none, Addend = none,
        });
    }

    /// <summary>dbias = Σ_rows doutput, overwritten, through <paramref name="partials"/>.</summary>
    public void BackwardBias(AcceleratorStream stream, LaunchShape shape, ArrayView<float> dbias, ArrayView<float> doutput, ArrayView<float> partials,
        int rows, int outFeatures) =>
        columnSums.Sum(stream, shape, dbias, doutput, partials, rows, outFeatures);
}
