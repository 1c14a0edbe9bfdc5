using System.Runtime.Intrinsics;

namespace ScaleSim.Training.Backends.Cpu;

/// <summary>
/// Softmax over the vocabulary and cross-entropy with the target token, per row: p = softmax(z),
/// loss = log Σ e^(z − max) − (z_target − max). Backward of the mean loss over R rows: dz = (p − onehot(target)) / R.
/// Rows are stored with a stride padded to a multiple of 16; pad lanes are masked to −∞ before the exponential and
/// come out as probability 0 and gradient 0.
/// </summary>
internal static unsafe class SoftmaxCrossEntropyOp
{
    public const int RowsPerChunk = 16;

    /// <summary>Row stride for a vocabulary of <paramref name="vocab"/>: the next multiple of 16.</summary>
    public static int PaddedVocab(int vocab) => (vocab + 15) / 16 * 16;

    public static void ForwardRow(float* logitsToProbs, float* losses, int* targets, int row, int vocab)
    {
        int stride = PaddedVocab(vocab);
        float* z = logitsToProbs + (nint)row * stride;
        var lane = Vector512.Create(0f, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
        var negInf = Vector512.Create(float.NegativeInfinity);
        var vocabV = Vector512.Create((float)vocab);

        var maxV = negInf;
        for (int i = 0; i < stride; i += 16)
        {
            var x = Vector512.ConditionalSelect(Vector512.LessThan(lane + Vector512.Create((float)i), vocabV), Vector512.Load(z + i), negInf);
            maxV = Vector512.Max(maxV, x);
        }
        float max = float.NegativeInfinity;
        for (int l = 0; l < 16; l++) max = MathF.Max(max, maxV.GetElement(l));

        int target = targets[row];
        float zt = z[target];
        var mv = Vector512.Create(max);
        var sumV = Vector512<float>.Zero;
        for (int i = 0; i < stride; i += 16)
        {
            var x = Vector512.ConditionalSelect(Vector512.LessThan(lane + Vector512.Create((float)i), vocabV), Vector512.Load(z + i), negInf);
            var e = VectorMath.Exp(x - mv);
            sumV += e;
            e.Store(z + i);
        }
        float sum = Vector512.Sum(sumV);
        var inv = Vector512.Create(1f / sum);
        for (int i = 0; i < stride; i += 16) (Vector512.Load(z + i) * inv).Store(z + i);
        losses[row] = MathF.Log(sum) - (zt - max);
    }

    public static void BackwardRow(float* dlogits, float* probs, int* targets, int row, int vocab, float scale)
    {
        int stride = PaddedVocab(vocab);
        float* p = probs + (nint)row * stride;
        float* d = dlogits + (nint)row * stride;
        var sv = Vector512.Create(scale);
        for (int i = 0; i < stride; i += 16) (Vector512.Load(p + i) * sv).Store(d + i);
        d[targets[row]] = (p[targets[row]] - 1f) * scale;
    }

    public sealed class ForwardWork : ParallelWork
    {
        public float* LogitsToProbs, Losses;
        public int* Targets;
        public int Rows, Vocab;

        public void Run(WorkerPool pool) => pool.Run(this, (Rows + RowsPerChunk - 1) / RowsPerChunk);

        public override void Execute(int chunk, int worker)
        {
            int r1 = Math.Min(Rows, (chunk + 1) * RowsPerChunk);
            for (int r = chunk * RowsPerChunk; r < r1; r++) ForwardRow(LogitsToProbs, Losses, Targets, r, Vocab);
        }
    }

    public sealed class BackwardWork : ParallelWork
    {
        public float* DLogits, Probs;
        public int* Targets;
        public int Rows, Vocab;

        public void Run(WorkerPool pool) => pool.Run(this, (Rows + RowsPerChunk - 1) / RowsPerChunk);

        public override void Execute(int chunk, int worker)
        {
            int r1 = Math.Min(Rows, (chunk + 1) * RowsPerChunk);
            float scale = 1f / Rows;
            for (int r = chunk * RowsPerChunk; r < r1; r++) BackwardRow(DLogits, Probs, Targets, r, Vocab, scale);
        }
    }
}
