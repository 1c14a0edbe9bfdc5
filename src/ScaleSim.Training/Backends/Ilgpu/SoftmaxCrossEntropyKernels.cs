using ILGPU;
using ILGPU.Algorithms;
using ILGPU.Runtime;

namespace ScaleSim.Training.Backends.Ilgpu;

/// <summary>
/// Softmax over the vocabulary and cross-entropy with the target token, as <c>Cpu/SoftmaxCrossEntropyOp</c>:
/// p = softmax(z), loss = log Σ e^(z − max) − (z_target − max), the logits overwritten by p. Backward of the mean
/// loss over R rows: dz = (p − onehot(target)) / R. Forward is one group per row (max and sum as
/// <see cref="GroupReduce"/> trees); backward one thread per element.
/// </summary>
internal sealed class SoftmaxCrossEntropyKernels
{
    private readonly Action<AcceleratorStream, KernelConfig, Args> _forward, _backward;

    public SoftmaxCrossEntropyKernels(Accelerator accelerator)
    {
        _forward = accelerator.LoadKernel<Args>(SoftmaxCrossEntropyForwardKernel);
        _backward = accelerator.LoadKernel<Args>(SoftmaxCrossEntropyBackwardKernel);
    }

    /// <summary>Rows×Vocab logits turned into probabilities in place, one loss per row; backward writes DLogits.</summary>
    public struct Args
    {
        public ArrayView<float> LogitsToProbs, Losses, DLogits;
        public ArrayView<int> Targets;
        public int Rows, Vocab;
    }

    public void Forward(AcceleratorStream stream, LaunchShape shape, in Args args) => _forward(stream, shape.Rows(args.Rows), args);

    public void Backward(AcceleratorStream stream, LaunchShape shape, in Args args) =>
        _backward(stream, shape.Elements((long)args.Rows * args.Vocab), args);

    private static void SoftmaxCrossEntropyForwardKernel(Args a)
    {
        var shared = SharedMemory.GetDynamic<float>();
        int t = Group.IdxX, g = Group.DimX, v = a.Vocab;
        for (int row = Grid.IdxX; row < a.Rows; row += Grid.DimX)
        {
            var z = a.LogitsToProbs.SubView(row * v, v);
            float zt = z[a.Targets[row]];
            float partial = float.NegativeInfinity;
            for (int i = t; i < v; i += g) partial = XMath.Max(partial, z[i]);
            float max = GroupReduce.Max(shared, partial);
            partial = 0f;
            for (int i = t; i < v; i += g)
            {
                float e = XMath.Exp(z[i] - max);
                z[i] = e;
                partial += e;
            }
            float sum = GroupReduce.Sum(shared, partial);
            float inv = 1f / sum;
            for (int i = t; i < v; i += g) z[i] *= inv;
            if (t == 0) a.Losses[row] = XMath.Log(sum) - (zt - max);
        }
    }

    private static void SoftmaxCrossEntropyBackwardKernel(Args a)
    {
        int count = a.Rows * a.Vocab;
        float scale = 1f / a.Rows;
        for (int e = Grid.GlobalIndex.X; e < count; e += Grid.DimX * Group.DimX)
        {
            int row = e / a.Vocab, i = e - row * a.Vocab;
            float p = a.LogitsToProbs[e];
            a.DLogits[e] = (i == a.Targets[row] ? p - 1f : p) * scale;
        }
    }
}
