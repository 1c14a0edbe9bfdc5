using System.Runtime.Intrinsics;
using ScaleSim.Training.Model;

namespace ScaleSim.Training.Backends.Cpu;

/// <summary>
/// AdamW over the flat parameter vector, exactly as <see cref="AdamWStep"/> states it, and the global gradient norm
/// that clipping needs. Both walk fixed segments of at most <see cref="SegmentLength"/> floats that never straddle a
/// tensor (so each segment has one weight-decay flag); the norm's per-segment partial sums are added in segment
/// order in double, so it does not depend on the thread count.
/// </summary>
internal static unsafe class AdamWOp
{
    public const int SegmentLength = 16384;

    /// <summary>A contiguous run of parameters with one weight-decay flag.</summary>
    public readonly record struct Segment(int Offset, int Length, bool WeightDecay);

    public static Segment[] Segments(ParameterLayout layout)
    {
        var segments = new List<Segment>();
        foreach (var tensor in layout.Tensors)
        {
            for (int start = 0; start < tensor.Length; start += SegmentLength)
                segments.Add(new Segment(tensor.Offset + start, Math.Min(SegmentLength, tensor.Length - start), tensor.WeightDecay));
        }
        return [.. segments];
    }

    public static void UpdateSegment(float* parameters, float* gradients, float* m, float* v, in Segment segment, in AdamWStep step)
    {
        float b1 = (float)step.Beta1, b2 = (float)step.Beta2, eps = (float)step.Epsilon;
        float stepSize = (float)step.StepSize, correction2 = (float)(1.0 / step.SecondMomentCorrection);
        float decay = segment.WeightDecay ? (float)(1.0 - step.LearningRate * step.WeightDecay) : 1f;
        float gradScale = (float)step.GradientScale;
        var b1v = Vector512.Create(b1);
        var b2v = Vector512.Create(b2);
        var c1v = Vector512.Create(1f - b1);
        var c2v = Vector512.Create(1f - b2);
        var epsV = Vector512.Create(eps);
        var stepV = Vector512.Create(stepSize);
        var corrV = Vector512.Create(correction2);
        var decayV = Vector512.Create(decay);
        var scaleV = Vector512.Create(gradScale);
        int i = segment.Offset, end = segment.Offset + segment.Length;
        for (; i <= end - 16; i += 16)
        {
            var g = Vector512.Load(gradients + i) * scaleV;
            var mi = b1v * Vector512.Load(m + i) + c1v * g;
            var vi = b2v * Vector512.Load(v + i) + c2v * (g * g);
            mi.Store(m + i);
            vi.Store(v + i);
            var denominator = Vector512.Sqrt(vi) * corrV + epsV;
            (Vector512.Load(parameters + i) * decayV - stepV * mi / denominator).Store(parameters + i);
        }
        for (; i < end; i++)
        {
            float g = gradients[i] * gradScale;
            float mi = b1 * m[i] + (1f - b1) * g;
            float vi = b2 * v[i] + (1f - b2) * (g * g);
            m[i] = mi;
            v[i] = vi;
            parameters[i] = parameters[i] * decay - stepSize * mi / (MathF.Sqrt(vi) * correction2 + eps);
        }
    }

    public static double SquaredNorm(float* x, int start, int length)
    {
        var acc = Vector512<float>.Zero;
        int i = start, end = start + length;
        for (; i <= end - 16; i += 16)
        {
            var g = Vector512.Load(x + i);
            acc = Vector512.FusedMultiplyAdd(g, g, acc);
        }
        double s = 0;
        for (int l = 0; l < 16; l++) s += acc.GetElement(l);
        for (; i < end; i++) s += (double)x[i] * x[i];
        return s;
    }

    public sealed class UpdateWork : ParallelWork
    {
        public Segment[] Segments = [];
        public float* Parameters, Gradients, M, V;
        public AdamWStep Step;

        public void Run(WorkerPool pool) => pool.Run(this, Segments.Length);

        public override void Execute(int chunk, int worker) => UpdateSegment(Parameters, Gradients, M, V, Segments[chunk], Step);
    }

    public sealed class NormWork : ParallelWork
    {
        public Segment[] Segments = [];
        public float* Gradients;
        public double[] Partials = [];

        public double Run(WorkerPool pool)
        {
            pool.Run(this, Segments.Length);
            double total = 0;
            foreach (double p in Partials) total += p;
            return Math.Sqrt(total);
        }

        public override void Execute(int chunk, int worker) =>
            Partials[chunk] = SquaredNorm(Gradients, Segments[chunk].Offset, Segments[chunk].Length);
    }
}
