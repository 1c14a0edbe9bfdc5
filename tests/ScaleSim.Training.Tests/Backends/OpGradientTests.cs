using ScaleSim.Training.Backends.Cpu;

namespace ScaleSim.Training.Tests.Backends;

/// <summary>
/// Each CPU op's backward against central finite differences of its forward, through a random linear functional
/// L = Σ r·y of the op's output, at widths that exercise both the vector path and the scalar tails.
/// </summary>
public unsafe class OpGradientTests
{
    [Theory]
    [InlineData(32)]
    [InlineData(21)]
    public void LayerNorm(int c)
    {
        const int rows = 5;
        var x = FiniteDifferences.Normal(rows * c, 1);
        var w = FiniteDifferences.Normal(c, 2, 0.5).Select(v => v + 1).ToArray();
        var b = FiniteDifferences.Normal(c, 3, 0.5);
        var r = FiniteDifferences.Normal(rows * c, 4);

        float[] Forward(float[] xx, float[] ww, float[] bb)
        {
            var y = new float[rows * c];
            var mean = new float[rows];
            var rstd = new float[rows];
            fixed (float* py = y, pm = mean, pr = rstd, px = xx, pw = ww, pb = bb)
                for (int i = 0; i < rows; i++) LayerNormOp.ForwardRow(py, pm, pr, px, pw, pb, i, c);
            return y;
        }

        var dx = new float[rows * c];
        var dw = new float[c];
        var db = new float[c];
        {
            var y = new float[rows * c];
            var mean = new float[rows];
            var rstd = new float[rows];
            fixed (float* py = y, pm = mean, pr = rstd, px = x, pw = w, pb = b, pdx = dx, pdw = dw, pdb = db, prr = r)
            {
                for (int i = 0; i < rows; i++) LayerNormOp.ForwardRow(py, pm, pr, px, pw, pb, i, c);
                for (int i = 0; i < rows; i++) LayerNormOp.BackwardRow(pdx, pdw, pdb, prr, px, pw, pm, pr, i, c, accumulate: false);
            }
        }

        FiniteDifferences.Check("dx", x, dx, xx => FiniteDifferences.Project(Forward(xx, w, b), r), Enumerable.Range(0, rows * c), h: 1e-2f);
        FiniteDifferences.Check("dw", w, dw, ww => FiniteDifferences.Project(Forward(x, ww, b), r), Enumerable.Range(0, c));
        FiniteDifferences.Check("db", b, db, bb => FiniteDifferences.Project(Forward(x, w, bb), r), Enumerable.Range(0, c));
    }

    [Fact]
    public void LayerNormBackwardAccumulates()
    {
        const int c = 16;
        var x = FiniteDifferences.Normal(c, 1);
        var w = FiniteDifferences.Normal(c, 2);
        var b = FiniteDifferences.Normal(c, 3);
        var dy = FiniteDifferences.Normal(c, 4);
        var first = new float[c];
        var twice = Enumerable.Repeat(0.25f, c).ToArray();
        var y = new float[c];
        var mean = new float[1];
        var rstd = new float[1];
        var dw = new float[c];
        var db = new float[c];
        fixed (float* py = y, pm = mean, pr = rstd, px = x, pw = w, pb = b, pf = first, pt = twice, pdw = dw, pdb = db, pdy = dy)
        {
            LayerNormOp.ForwardRow(py, pm, pr, px, pw, pb, 0, c);
            LayerNormOp.BackwardRow(pf, pdw, pdb, pdy, px, pw, pm, pr, 0, c, accumulate: false);
            LayerNormOp.BackwardRow(pt, pdw, pdb, pdy, px, pw, pm, pr, 0, c, accumulate: true);
        }
        for (int i = 0; i < c; i++) Assert.Equal(first[i] + 0.25f, twice[i], 6);
    }

    [Theory]
    [InlineData(64)]
    [InlineData(37)]
    public void Gelu(int n)
    {
        var x = FiniteDifferences.Normal(n, 5, 2);
        var r = FiniteDifferences.Normal(n, 6);
        var derivative = new float[n];
        float[] Forward(float[] xx)
        {
            var y = new float[n];
            fixed (float* py = y, pd = derivative, px = xx) GeluOp.ForwardRange(py, pd, px, 0, n);
            return y;
        }
        Forward(x);
        var dx = new float[n];
        fixed (float* pdx = dx, pr = r, pd = derivative) GeluOp.BackwardRange(pdx, pr, pd, 0, n);
        FiniteDifferences.Check("dx", x, dx, xx => FiniteDifferences.Project(Forward(xx), r), Enumerable.Range(0, n), h: 1e-2f);
    }

    [Fact]
    public void GeluMatchesTheErfDefinition()
    {
        var x = Enumerable.Range(-40, 81).Select(i => i / 10f).ToArray();
        var y = new float[x.Length];
        var derivative = new float[x.Length];
        fixed (float* py = y, pd = derivative, px = x) GeluOp.ForwardRange(py, pd, px, 0, x.Length);
        for (int i = 0; i < x.Length; i++)
        {
            // Φ(x) through erfc from the complementary series is not in the BCL; compare with a high-precision erf.
            double exact = 0.5 * x[i] * (1 + HighPrecisionErf(x[i] / Math.Sqrt(2)));
            Assert.True(Math.Abs(y[i] - exact) < 1e-6 * Math.Max(1, Math.Abs(exact)), $"gelu({x[i]}) = {y[i]}, exact {exact}");
        }
    }

    [Theory]
    [InlineData(2, 8, 32, 2, true)]
    [InlineData(2, 7, 24, 2, true)]
    [InlineData(1, 20, 16, 1, true)]
    [InlineData(1, 37, 80, 2, true)]
    [InlineData(2, 7, 24, 2, false)]
    [InlineData(1, 37, 80, 2, false)]
    public void Attention(int batch, int t, int c, int heads, bool v512)
    {
        int n = batch * t, hs = c / heads;
        var qkv = FiniteDifferences.Normal(n * 3 * c, 7);
        var r = FiniteDifferences.Normal(n * c, 8);
        var block = new float[AttentionOp.Scratch.Floats(t, hs)];
        int tp = AttentionOp.KeyStride(t);

        float[] Forward(float[] input, float[] att)
        {
            var y = new float[n * c];
            fixed (float* pb = block, py = y, pa = att, pq = input)
            {
                var s = AttentionOp.Scratch.Carve(pb, t, hs);
                for (int b = 0; b < batch; b++)
                    for (int h = 0; h < heads; h++) AttentionOp.ForwardHead(s, py, pa, pq, b, h, t, c, heads, v512);
            }
            return y;
        }

        var probs = new float[batch * heads * t * tp];
        Forward(qkv, probs);
        for (int row = 0; row < batch * heads * t; row++)
        {
            int i = row % t;
            double sum = 0;
            for (int k = 0; k < tp; k++)
            {
                float p = probs[row * tp + k];
                if (k > i) Assert.Equal(0f, p);
                sum += p;
            }
            Assert.Equal(1.0, sum, 5);
        }

        var dqkv = new float[n * 3 * c];
        var blockB = new float[AttentionOp.Scratch.Floats(t, hs)];
        fixed (float* pb = blockB, pd = dqkv, pr = r, pa = probs, pq = qkv)
        {
            var s = AttentionOp.Scratch.Carve(pb, t, hs);
            for (int b = 0; b < batch; b++)
                for (int h = 0; h < heads; h++) AttentionOp.BackwardHead(s, pd, pr, pa, pq, b, h, t, c, heads, v512);
        }
        var scratchAtt = new float[probs.Length];
        FiniteDifferences.Check("dqkv", qkv, dqkv, q => FiniteDifferences.Project(Forward(q, scratchAtt), r), Enumerable.Range(0, n * 3 * c), h: 1e-2f);
    }

    [Theory]
    [InlineData(23)]
    [InlineData(32)]
    public void SoftmaxCrossEntropy(int vocab)
    {
        const int rows = 6;
        int stride = SoftmaxCrossEntropyOp.PaddedVocab(vocab);
        var logits = FiniteDifferences.Normal(rows * stride, 9, 2);
        var targets = Enumerable.Range(0, rows).Select(i => (i * 7) % vocab).ToArray();

        double Loss(float[] z)
        {
            var copy = (float[])z.Clone();
            var losses = new float[rows];
            fixed (float* pz = copy, pl = losses)
            fixed (int* pt = targets)
                for (int i = 0; i < rows; i++) SoftmaxCrossEntropyOp.ForwardRow(pz, pl, pt, i, vocab);
            return losses.Sum(x => (double)x) / rows;
        }

        var probs = (float[])logits.Clone();
        var lossRows = new float[rows];
        var dz = new float[rows * stride];
        fixed (float* pz = probs, pl = lossRows, pd = dz)
        fixed (int* pt = targets)
        {
            for (int i = 0; i < rows; i++) SoftmaxCrossEntropyOp.ForwardRow(pz, pl, pt, i, vocab);
            for (int i = 0; i < rows; i++) SoftmaxCrossEntropyOp.BackwardRow(pd, pz, pt, i, vocab, 1f / rows);
        }
        for (int i = 0; i < rows; i++)
        {
            Assert.Equal(1.0, probs.Skip(i * stride).Take(vocab).Sum(x => (double)x), 5);
            for (int j = vocab; j < stride; j++) Assert.Equal(0f, probs[i * stride + j]);
        }
        var indices = Enumerable.Range(0, rows * stride).Where(i => i % stride < vocab);
        FiniteDifferences.Check("dlogits", logits, dz, Loss, indices, h: 1e-2f, relative: 2e-2, absolute: 2e-5);
    }

    [Theory]
    [InlineData(16, 32, 48, 1)]
    [InlineData(13, 24, 40, 2)]
    public void Linear(int rows, int inFeatures, int outFeatures, int threads)
    {
        var x = FiniteDifferences.Normal(rows * inFeatures, 10);
        var w = FiniteDifferences.Normal(outFeatures * inFeatures, 11, 0.3);
        var b = FiniteDifferences.Normal(outFeatures, 12);
        var r = FiniteDifferences.Normal(rows * outFeatures, 13);
        using var buffers = new NativeBuffers();
        using var pool = new WorkerPool(threads);
        var gemm = new Gemm(buffers, Gemm.PackedFloats(Math.Max(inFeatures, outFeatures), Math.Max(rows, Math.Max(inFeatures, outFeatures))) * 2, useVector512: true);
        var linear = new LinearOp(pool, gemm, buffers.Floats(LinearOp.PartialsFloats(rows, outFeatures)));

        float[] Forward(float[] xx, float[] ww, float[] bb)
        {
            var y = new float[rows * outFeatures];
            fixed (float* py = y, px = xx, pw = ww, pb = bb) linear.Forward(py, px, pw, pb, null, rows, inFeatures, outFeatures);
            return y;
        }

        var dx = new float[rows * inFeatures];
        var dw = new float[outFeatures * inFeatures];
        var db = new float[outFeatures];
        fixed (float* pdx = dx, pdw = dw, pdb = db, pr = r, px = x, pw = w)
        {
            linear.BackwardInput(pdx, pr, pw, rows, inFeatures, outFeatures, accumulate: false);
            linear.BackwardWeight(pdw, pr, px, rows, inFeatures, outFeatures);
            linear.BackwardBias(pdb, pr, rows, outFeatures);
        }
        FiniteDifferences.Check("dx", x, dx, xx => FiniteDifferences.Project(Forward(xx, w, b), r), Enumerable.Range(0, x.Length));
        FiniteDifferences.Check("dw", w, dw, ww => FiniteDifferences.Project(Forward(x, ww, b), r), Enumerable.Range(0, w.Length));
        FiniteDifferences.Check("db", b, db, bb => FiniteDifferences.Project(Forward(x, w, bb), r), Enumerable.Range(0, b.Length));
    }

    [Theory]
    [InlineData(24, 1)]
    [InlineData(40, 2)]
    public void Encoder(int c, int threads)
    {
        const int vocab = 9, context = 5, rows = 3 * context;
        var wte = FiniteDifferences.Normal(vocab * c, 14);
        var wpe = FiniteDifferences.Normal(context * c, 15);
        var tokens = Enumerable.Range(0, rows).Select(i => (i * i + 3) % vocab).ToArray();
        var r = FiniteDifferences.Normal(rows * c, 16);
        using var pool = new WorkerPool(threads);

        float[] Forward(float[] te, float[] pe)
        {
            var y = new float[rows * c];
            fixed (float* py = y, pt = te, pp = pe)
            fixed (int* tok = tokens)
                new EncoderOp.ForwardWork { Output = py, TokenEmbedding = pt, PositionEmbedding = pp, Tokens = tok, Rows = rows, Context = context, C = c }.Run(pool);
            return y;
        }

        var dwte = new float[vocab * c];
        var dwpe = new float[context * c];
        fixed (float* pdt = dwte, pdp = dwpe, pr = r)
        fixed (int* tok = tokens)
            new EncoderOp.BackwardWork { DTokenEmbedding = pdt, DPositionEmbedding = pdp, DOutput = pr, Tokens = tok, Rows = rows, Context = context, C = c }.Run(pool);
        FiniteDifferences.Check("dwte", wte, dwte, te => FiniteDifferences.Project(Forward(te, wpe), r), Enumerable.Range(0, wte.Length));
        FiniteDifferences.Check("dwpe", wpe, dwpe, pe => FiniteDifferences.Project(Forward(wte, pe), r), Enumerable.Range(0, wpe.Length));
    }

    /// <summary>erf by its Maclaurin series (|x| ≤ 3) or continued fraction, accurate to ~1e-15.</summary>
    private static double HighPrecisionErf(double x)
    {
        double ax = Math.Abs(x);
        if (ax < 3)
        {
            double sum = ax, term = ax;
            for (int n = 1; n < 200; n++)
            {
                term *= -ax * ax / n;
                double add = term / (2 * n + 1);
                sum += add;
                if (Math.Abs(add) < 1e-17) break;
            }
            return Math.CopySign(2 / Math.Sqrt(Math.PI) * sum, x);
        }
        // erfc(x) = exp(-x²)/√π · 1/(x + 1/2/(x + 1/(x + 3/2/(x + …)))) (Lentz, enough terms at x ≥ 3).
        double f = ax;
        for (int k = 60; k >= 1; k--) f = ax + k / 2.0 / f;
        double erfc = Math.Exp(-ax * ax) / Math.Sqrt(Math.PI) / f;
        return Math.CopySign(1 - erfc, x);
    }
}
