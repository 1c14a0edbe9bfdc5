using ILGPU;
using ILGPU.Algorithms;
using ILGPU.Runtime;

namespace ScaleSim.Training.Backends.Ilgpu;

/// <summary>
/// AdamW over the flat parameter vector exactly as <see cref="AdamWStep"/> states it and <c>Cpu/AdamWOp</c>
/// computes it (the same float expressions, one thread per parameter, decay where the mask is 1), and the squared
/// gradient norm clipping needs: each thread sums a fixed grid-strided subset of squares in double, each group adds
/// its threads' sums in a <see cref="GroupReduce"/> tree, and the host adds the <see cref="LaunchShape.NormGroups"/>
/// group sums in order — deterministic, no atomics.
/// </summary>
internal sealed class AdamWKernels
{
    private readonly Action<AcceleratorStream, KernelConfig, UpdateArgs> _update;
    private readonly Action<AcceleratorStream, KernelConfig, NormArgs> _normPartials;

    public AdamWKernels(Accelerator accelerator)
    {
        _update = accelerator.LoadKernel<UpdateArgs>(AdamWUpdateKernel);
        _normPartials = accelerator.LoadKernel<NormArgs>(AdamWNormPartialsKernel);
    }

    /// <summary>The four vectors, the weight-decay mask and the step's scalars, already in float as the CPU backend rounds them.</summary>
    public struct UpdateArgs
    {
        public ArrayView<float> Parameters, Gradients, M, V;
        public ArrayView<int> DecayMask;
        public int Count;
        public float Beta1, Beta2, Epsilon, StepSize, SecondMomentCorrectionInverse, Decay, GradientScale;
    }

    /// <summary>Partials[g] = Σ of the squares group g summed.</summary>
    public struct NormArgs
    {
        public ArrayView<float> Gradients;
        public ArrayView<double> Partials;
        public int Count;
    }

    public void Update(AcceleratorStream stream, LaunchShape shape, ArrayView<float> parameters, ArrayView<float> gradients,
        ArrayView<float> m, ArrayView<float> v, ArrayView<int> decayMask, in AdamWStep step)
    {
        _update(stream, shape.Elements(parameters.Length), new UpdateArgs
        {
            Parameters = parameters, Gradients = gradients, M = m, V = v, DecayMask = decayMask, Count = (int)parameters.Length,
            Beta1 = (float)step.Beta1, Beta2 = (float)step.Beta2, Epsilon = (float)step.Epsilon,
            StepSize = (float)step.StepSize, SecondMomentCorrectionInverse = (float)(1.0 / step.SecondMomentCorrection),
            Decay = (float)(1.0 - step.LearningRate * step.WeightDecay), GradientScale = (float)step.GradientScale,
        });
    }

    /// <summary>Writes <see cref="LaunchShape.NormGroups"/> partial sums of squares into <paramref name="partials"/>.</summary>
    public void NormPartials(AcceleratorStream stream, LaunchShape shape, ArrayView<float> gradients, ArrayView<double> partials) =>
        _normPartials(stream, shape.Norm(), new NormArgs { Gradients = gradients, Partials = partials, Count = (int)gradients.Length });

    private static void AdamWUpdateKernel(UpdateArgs a)
    {
        float b1 = a.Beta1, b2 = a.Beta2;
        for (int i = Grid.GlobalIndex.X; i < a.Count; i += Grid.DimX * Group.DimX)
        {
            float decay = a.DecayMask[i] != 0 ? a.Decay : 1f;
            float g = a.Gradients[i] * a.GradientScale;
            float m = b1 * a.M[i] + (1f - b1) * g;
            float v = b2 * a.V[i] + (1f - b2) * (g * g);
            a.M[i] = m;
            a.V[i] = v;
            a.Parameters[i] = a.Parameters[i] * decay - a.StepSize * m / (XMath.Sqrt(v) * a.SecondMomentCorrectionInverse + a.Epsilon);
        }
    }

    private static void AdamWNormPartialsKernel(NormArgs a)
    {
        var shared = SharedMemory.GetDynamic<double>();
        double sum = 0;
        for (int i = Grid.GlobalIndex.X; i < a.Count; i += Grid.DimX * Group.DimX)
        {
            double g = a.Gradients[i];
            sum += g * g;
        }
        double total = GroupReduce.Sum(shared, sum);
        if (Group.IdxX == 0) a.Partials[Grid.IdxX] = total;
    }
}
