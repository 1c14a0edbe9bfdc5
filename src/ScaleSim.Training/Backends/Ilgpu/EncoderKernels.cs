using ILGPU;
using ILGPU.Runtime;

namespace ScaleSim.Training.Backends.Ilgpu;

/// <summary>
/// Token plus position embedding, as <c>Cpu/EncoderOp</c>: x[b,t] = wte[token[b,t]] + wpe[t]. Backward:
/// dwpe[t] = Σ_b dx[b,t] (overwritten) and dwte[v] += Σ_{rows with token v} dx (added to the head's gradient, which
/// the classifier wrote first). One thread per element of dwte walks every row in order, so the scatter needs no
/// atomics and adds in the CPU backend's order.
/// </summary>
internal sealed class EncoderKernels
{
    private readonly Action<AcceleratorStream, KernelConfig, Args> _forward, _backwardPositions, _backwardTokens;

    public EncoderKernels(Accelerator accelerator)
    {
        _forward = accelerator.LoadKernel<Args>(EncoderForwardKernel);
        _backwardPositions = accelerator.LoadKernel<Args>(EncoderBackwardPositionsKernel);
        _backwardTokens = accelerator.LoadKernel<Args>(EncoderBackwardTokensKernel);
    }

    /// <summary>The views and sizes of one call; <c>X</c> is the output forward and the incoming gradient backward.</summary>
    public struct Args
    {
        public ArrayView<float> X, TokenEmbedding, PositionEmbedding;
        public ArrayView<int> Tokens;
        public int Rows, Context, C, Vocab;
    }

    public void Forward(AcceleratorStream stream, LaunchShape shape, in Args args) =>
        _forward(stream, shape.Elements((long)args.Rows * args.C), args);

    /// <summary>With <c>TokenEmbedding</c> and <c>PositionEmbedding</c> the gradients: dwpe overwritten, dwte added to.</summary>
    public void Backward(AcceleratorStream stream, LaunchShape shape, in Args args)
    {
        _backwardPositions(stream, shape.Elements((long)args.Context * args.C), args);
        _backwardTokens(stream, shape.Elements((long)args.Vocab * args.C), args);
    }

    private static void EncoderForwardKernel(Args a)
    {
        int count = a.Rows * a.C;
        for (int i = Grid.GlobalIndex.X; i < count; i += Grid.DimX * Group.DimX)
        {
            int r = i / a.C, c = i - r * a.C;
            a.X[i] = a.TokenEmbedding[a.Tokens[r] * a.C + c] + a.PositionEmbedding[(r % a.Context) * a.C + c];
        }
    }

    private static void EncoderBackwardPositionsKernel(Args a)
    {
        int count = a.Context * a.C;
        for (int i = Grid.GlobalIndex.X; i < count; i += Grid.DimX * Group.DimX)
        {
            int t = i / a.C, c = i - t * a.C;
            float sum = 0f;
            for (int r = t; r < a.Rows; r += a.Context) sum += a.X[r * a.C + c];
            a.PositionEmbedding[i] = sum;
        }
    }

    private static void EncoderBackwardTokensKernel(Args a)
    {
        int count = a.Vocab * a.C;
        for (int i = Grid.GlobalIndex.X; i < count; i += Grid.DimX * Group.DimX)
        {
            int v = i / a.C, c = i - v * a.C;
            float sum = a.TokenEmbedding[i];
            for (int r = 0; r < a.Rows; r++)
            {
                if (a.Tokens[r] == v) sum += a.X[r * a.C + c];
            }
            a.TokenEmbedding[i] = sum;
        }
    }
}
