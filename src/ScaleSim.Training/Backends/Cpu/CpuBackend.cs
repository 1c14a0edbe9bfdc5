using System.Runtime.Intrinsics;
using ScaleSim.Training.Model;

namespace ScaleSim.Training.Backends.Cpu;

/// <summary>
/// The SIMD CPU backend: every buffer allocated once in native memory, ops from this folder run in llm.c's order over
/// explicit activations, matrix products through the cache-blocked AVX-512 <see cref="Gemm"/>, parallel regions on a
/// persistent <see cref="WorkerPool"/>. Results are bit-identical for any thread count.
/// </summary>
public sealed unsafe class CpuBackend : ITrainingBackend
{
    private readonly NativeBuffers _buffers = new();
    private readonly WorkerPool _pool;
    private readonly Gemm _gemm;
    private readonly LinearOp _linear;
    private readonly AdamWOp.Segment[] _segments;

    private readonly int _n, _c, _l, _t, _v, _vp, _h;
    private readonly float* _params, _grads, _m, _v2;
    private readonly int* _inputs, _targets;
    private readonly float*[] _residual, _ln1Out, _ln1Mean, _ln1Rstd, _qkv, _att, _attY, _residual2, _ln2Out, _ln2Mean, _ln2Rstd, _fchGelu, _geluDerivative;
    private readonly float* _fch, _lnfOut, _lnfMean, _lnfRstd, _probs, _losses;
    private readonly float* _dResidual, _dC, _d4C, _dQkv, _dLogits, _lnPartials;

    private readonly EncoderOp.ForwardWork _encoderForward = new();
    private readonly EncoderOp.BackwardWork _encoderBackward = new();
    private readonly LayerNormOp.ForwardWork _lnForward = new();
    private readonly LayerNormOp.BackwardWork _lnBackward = new();
    private readonly AttentionOp.ForwardWork _attentionForward = new();
    private readonly AttentionOp.BackwardWork _attentionBackward = new();
    private readonly GeluOp.ForwardWork _geluForward = new();
    private readonly GeluOp.BackwardWork _geluBackward = new();
    private readonly SoftmaxCrossEntropyOp.ForwardWork _softmaxForward = new();
    private readonly SoftmaxCrossEntropyOp.BackwardWork _softmaxBackward = new();
    private readonly AdamWOp.UpdateWork _adamW = new();
    private readonly AdamWOp.NormWork _norm = new();
    private bool _haveForward;

    /// <summary>A backend for <paramref name="model"/> at <paramref name="batchSize"/> sequences per step on <paramref name="threads"/> threads.</summary>
    public CpuBackend(TinyGpt model, int batchSize, int threads = 1) : this(model, batchSize, threads, Vector512.IsHardwareAccelerated) { }

    internal CpuBackend(TinyGpt model, int batchSize, int threads, bool useVector512)
    {
        model.Validate();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threads);
        Model = model;
        BatchSize = batchSize;
        Layout = new ParameterLayout(model);
        _c = model.DModel;
        _l = model.Layers;
        _t = model.Context;
        _v = model.Vocab;
        _h = model.Heads;
        _vp = SoftmaxCrossEntropyOp.PaddedVocab(_v);
        _n = checked(batchSize * _t);
        int tp = AttentionOp.KeyStride(_t);
        long n = _n, c = _c;

        _pool = new WorkerPool(threads);
        long packed = new[]
        {
            Gemm.PackedFloats(4 * _c, _c), Gemm.PackedFloats(3 * _c, _c), Gemm.PackedFloats(_c, 4 * _c), Gemm.PackedFloats(_v, _c),
            Gemm.PackedFloats(_c, _v), Gemm.PackedFloats(4 * _c, _n), Gemm.PackedFloats(_c, _n),
        }.Max();
        _gemm = new Gemm(_buffers, packed, useVector512);
        _linear = new LinearOp(_pool, _gemm, _buffers.Floats(LinearOp.PartialsFloats(_n, 4 * _c)));
        Name = $"cpu {(useVector512 ? "avx512" : "avx2")} {threads} thread{(threads == 1 ? "" : "s")}";

        int p = Layout.Count;
        _params = _buffers.Floats(p);
        _grads = _buffers.Floats(p);
        _m = _buffers.Floats(p);
        _v2 = _buffers.Floats(p);
        _inputs = _buffers.Ints(n);
        _targets = _buffers.Ints(n);

        float*[] PerLayer(long count, int layers)
        {
            var result = new float*[layers];
            for (int i = 0; i < layers; i++) result[i] = _buffers.Floats(count);
            return result;
        }

        _residual = PerLayer(n * c, _l + 1);
        _ln1Out = PerLayer(n * c, _l);
        _ln1Mean = PerLayer(n, _l);
        _ln1Rstd = PerLayer(n, _l);
        _qkv = PerLayer(n * 3 * c, _l);
        _att = PerLayer((long)batchSize * _h * _t * tp, _l);
        _attY = PerLayer(n * c, _l);
        _residual2 = PerLayer(n * c, _l);
        _ln2Out = PerLayer(n * c, _l);
        _ln2Mean = PerLayer(n, _l);
        _ln2Rstd = PerLayer(n, _l);
        _fch = _buffers.Floats(n * 4 * c);
        _fchGelu = PerLayer(n * 4 * c, _l);
        _geluDerivative = PerLayer(n * 4 * c, _l);
        _lnfOut = _buffers.Floats(n * c);
        _lnfMean = _buffers.Floats(n);
        _lnfRstd = _buffers.Floats(n);
        _probs = _buffers.Floats(n * _vp);
        _losses = _buffers.Floats(n);
        _dResidual = _buffers.Floats(n * c);
        _dC = _buffers.Floats(n * c);
        _d4C = _buffers.Floats(n * 4 * c);
        _dQkv = _buffers.Floats(n * 3 * c);
        _dLogits = _buffers.Floats(n * _vp);
        _lnPartials = _buffers.Floats(LayerNormOp.PartialsFloats(_n, _c));

        var scratches = new AttentionOp.Scratch[threads];
        for (int i = 0; i < threads; i++)
            scratches[i] = AttentionOp.Scratch.Carve(_buffers.Floats(AttentionOp.Scratch.Floats(_t, model.HeadSize)), _t, model.HeadSize);
        _attentionForward.Scratches = scratches;
        _attentionBackward.Scratches = scratches;
        _attentionForward.UseVector512 = useVector512;
        _attentionBackward.UseVector512 = useVector512;

        _segments = AdamWOp.Segments(Layout);
        _adamW.Segments = _segments;
        _norm.Segments = _segments;
        _norm.Partials = new double[_segments.Length];
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public TinyGpt Model { get; }

    /// <inheritdoc />
    public int BatchSize { get; }

    /// <inheritdoc />
    public ParameterLayout Layout { get; }

    /// <summary>Native memory held, in bytes.</summary>
    public long AllocatedBytes => _buffers.Bytes;

    /// <inheritdoc />
    public void SetParameters(ReadOnlySpan<float> parameters) => CopyIn(parameters, _params);

    /// <inheritdoc />
    public void GetParameters(Span<float> destination) => CopyOut(_params, destination);

    /// <inheritdoc />
    public void GetGradients(Span<float> destination) => CopyOut(_grads, destination);

    /// <inheritdoc />
    public void SetOptimizerState(ReadOnlySpan<float> firstMoment, ReadOnlySpan<float> secondMoment)
    {
        CopyIn(firstMoment, _m);
        CopyIn(secondMoment, _v2);
    }

    /// <inheritdoc />
    public void GetOptimizerState(Span<float> firstMoment, Span<float> secondMoment)
    {
        CopyOut(_m, firstMoment);
        CopyOut(_v2, secondMoment);
    }

    /// <inheritdoc />
    public float Forward(ReadOnlySpan<int> inputs, ReadOnlySpan<int> targets)
    {
        TokenBatch.Check(inputs, targets, BatchSize, _t, _v);
        inputs.CopyTo(new Span<int>(_inputs, _n));
        targets.CopyTo(new Span<int>(_targets, _n));

        var layout = Layout;
        var e = _encoderForward;
        e.Output = _residual[0]; e.TokenEmbedding = P(layout.TokenEmbedding); e.PositionEmbedding = P(layout.PositionEmbedding);
        e.Tokens = _inputs; e.Rows = _n; e.Context = _t; e.C = _c;
        e.Run(_pool);

        for (int l = 0; l < _l; l++)
        {
            LayerNormForward(_ln1Out[l], _ln1Mean[l], _ln1Rstd[l], _residual[l], P(layout.Ln1Weight, l), P(layout.Ln1Bias, l));
            _linear.Forward(_qkv[l], _ln1Out[l], P(layout.QkvWeight, l), P(layout.QkvBias, l), null, _n, _c, 3 * _c);
            var a = _attentionForward;
            a.Output = _attY[l]; a.Att = _att[l]; a.Qkv = _qkv[l]; a.Batch = BatchSize; a.Context = _t; a.C = _c; a.Heads = _h;
            a.Run(_pool);
            _linear.Forward(_residual2[l], _attY[l], P(layout.AttentionProjectionWeight, l), P(layout.AttentionProjectionBias, l), _residual[l], _n, _c, _c);
            LayerNormForward(_ln2Out[l], _ln2Mean[l], _ln2Rstd[l], _residual2[l], P(layout.Ln2Weight, l), P(layout.Ln2Bias, l));
            _linear.Forward(_fch, _ln2Out[l], P(layout.MlpUpWeight, l), P(layout.MlpUpBias, l), null, _n, _c, 4 * _c);
            var g = _geluForward;
            g.Output = _fchGelu[l]; g.Derivative = _geluDerivative[l]; g.Input = _fch; g.Count = (long)_n * 4 * _c;
            g.Run(_pool);
            _linear.Forward(_residual[l + 1], _fchGelu[l], P(layout.MlpDownWeight, l), P(layout.MlpDownBias, l), _residual2[l], _n, 4 * _c, _c);
        }

        LayerNormForward(_lnfOut, _lnfMean, _lnfRstd, _residual[_l], P(layout.FinalLnWeight), P(layout.FinalLnBias));
        _linear.Forward(_probs, _lnfOut, P(layout.TokenEmbedding), null, null, _n, _c, _v, outputStride: _vp);
        var s = _softmaxForward;
        s.LogitsToProbs = _probs; s.Losses = _losses; s.Targets = _targets; s.Rows = _n; s.Vocab = _v;
        s.Run(_pool);

        double loss = 0;
        for (int i = 0; i < _n; i++) loss += _losses[i];
        _haveForward = true;
        return (float)(loss / _n);
    }

    /// <inheritdoc />
    public void GetProbabilities(Span<float> destination)
    {
        if (destination.Length != (long)_n * _v) throw new ArgumentException($"expected {(long)_n * _v} floats", nameof(destination));
        for (int r = 0; r < _n; r++) new ReadOnlySpan<float>(_probs + (nint)r * _vp, _v).CopyTo(destination.Slice(r * _v, _v));
    }

    /// <inheritdoc />
    public void Backward()
    {
        if (!_haveForward) throw new InvalidOperationException("Backward needs a Forward first");
        var layout = Layout;
        var s = _softmaxBackward;
        s.DLogits = _dLogits; s.Probs = _probs; s.Targets = _targets; s.Rows = _n; s.Vocab = _v;
        s.Run(_pool);
        _linear.BackwardWeight(G(layout.TokenEmbedding), _dLogits, _lnfOut, _n, _c, _v, doutputStride: _vp);
        _linear.BackwardInput(_dC, _dLogits, P(layout.TokenEmbedding), _n, _c, _v, accumulate: false, doutputStride: _vp);
        LayerNormBackward(_dResidual, G(layout.FinalLnWeight), G(layout.FinalLnBias), _dC, _residual[_l], P(layout.FinalLnWeight),
            _lnfMean, _lnfRstd, accumulate: false);

        for (int l = _l - 1; l >= 0; l--)
        {
            // MLP: residual[l+1] = residual2 + proj(gelu(fc(ln2(residual2)))).
            _linear.BackwardWeight(G(layout.MlpDownWeight, l), _dResidual, _fchGelu[l], _n, 4 * _c, _c);
            _linear.BackwardBias(G(layout.MlpDownBias, l), _dResidual, _n, _c);
            _linear.BackwardInput(_d4C, _dResidual, P(layout.MlpDownWeight, l), _n, 4 * _c, _c, accumulate: false);
            var g = _geluBackward;
            g.DInput = _d4C; g.DOutput = _d4C; g.Derivative = _geluDerivative[l]; g.Count = (long)_n * 4 * _c;
            g.Run(_pool);
            _linear.BackwardWeight(G(layout.MlpUpWeight, l), _d4C, _ln2Out[l], _n, _c, 4 * _c);
            _linear.BackwardBias(G(layout.MlpUpBias, l), _d4C, _n, 4 * _c);
            _linear.BackwardInput(_dC, _d4C, P(layout.MlpUpWeight, l), _n, _c, 4 * _c, accumulate: false);
            LayerNormBackward(_dResidual, G(layout.Ln2Weight, l), G(layout.Ln2Bias, l), _dC, _residual2[l], P(layout.Ln2Weight, l),
                _ln2Mean[l], _ln2Rstd[l], accumulate: true);

            // Attention: residual2 = residual + proj(attention(qkv(ln1(residual)))).
            _linear.BackwardWeight(G(layout.AttentionProjectionWeight, l), _dResidual, _attY[l], _n, _c, _c);
            _linear.BackwardBias(G(layout.AttentionProjectionBias, l), _dResidual, _n, _c);
            _linear.BackwardInput(_dC, _dResidual, P(layout.AttentionProjectionWeight, l), _n, _c, _c, accumulate: false);
            var a = _attentionBackward;
            a.DQkv = _dQkv; a.DOutput = _dC; a.Att = _att[l]; a.Qkv = _qkv[l]; a.Batch = BatchSize; a.Context = _t; a.C = _c; a.Heads = _h;
            a.Run(_pool);
            _linear.BackwardWeight(G(layout.QkvWeight, l), _dQkv, _ln1Out[l], _n, _c, 3 * _c);
            _linear.BackwardBias(G(layout.QkvBias, l), _dQkv, _n, 3 * _c);
            _linear.BackwardInput(_dC, _dQkv, P(layout.QkvWeight, l), _n, _c, 3 * _c, accumulate: false);
            LayerNormBackward(_dResidual, G(layout.Ln1Weight, l), G(layout.Ln1Bias, l), _dC, _residual[l], P(layout.Ln1Weight, l),
                _ln1Mean[l], _ln1Rstd[l], accumulate: true);
        }

        var e = _encoderBackward;
        e.DTokenEmbedding = G(layout.TokenEmbedding); e.DPositionEmbedding = G(layout.PositionEmbedding); e.DOutput = _dResidual;
        e.Tokens = _inputs; e.Rows = _n; e.Context = _t; e.C = _c;
        e.Run(_pool);
    }

    /// <inheritdoc />
    public double GradientNorm()
    {
        _norm.Gradients = _grads;
        return _norm.Run(_pool);
    }

    /// <inheritdoc />
    public void Step(in AdamWStep step)
    {
        var w = _adamW;
        w.Parameters = _params; w.Gradients = _grads; w.M = _m; w.V = _v2; w.Step = step;
        w.Run(_pool);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _pool.Dispose();
        _buffers.Dispose();
    }

    private float* P(ParameterTensor tensor, int layer = 0) => _params + tensor.OffsetOf(layer);

    private float* G(ParameterTensor tensor, int layer = 0) => _grads + tensor.OffsetOf(layer);

    private void LayerNormForward(float* output, float* mean, float* rstd, float* input, float* weight, float* bias)
    {
        var w = _lnForward;
        w.Output = output; w.Mean = mean; w.Rstd = rstd; w.Input = input; w.Weight = weight; w.Bias = bias; w.Rows = _n; w.C = _c;
        w.Run(_pool);
    }

    private void LayerNormBackward(float* dinput, float* dweight, float* dbias, float* doutput, float* input, float* weight, float* mean, float* rstd, bool accumulate)
    {
        var w = _lnBackward;
        w.DInput = dinput; w.DWeight = dweight; w.DBias = dbias; w.DOutput = doutput; w.Input = input; w.Weight = weight;
        w.Mean = mean; w.Rstd = rstd; w.Partials = _lnPartials; w.Rows = _n; w.C = _c; w.Accumulate = accumulate;
        w.Run(_pool);
    }

    private void CopyIn(ReadOnlySpan<float> source, float* destination)
    {
        if (source.Length != Layout.Count) throw new ArgumentException($"expected {Layout.Count} floats, got {source.Length}", nameof(source));
        source.CopyTo(new Span<float>(destination, Layout.Count));
    }

    private void CopyOut(float* source, Span<float> destination)
    {
        if (destination.Length != Layout.Count) throw new ArgumentException($"expected {Layout.Count} floats, got {destination.Length}", nameof(destination));
        new ReadOnlySpan<float>(source, Layout.Count).CopyTo(destination);
    }
}
