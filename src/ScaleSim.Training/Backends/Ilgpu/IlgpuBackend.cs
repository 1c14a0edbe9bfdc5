using ILGPU;
using ILGPU.Runtime;
using ScaleSim.Training.Model;

namespace ScaleSim.Training.Backends.Ilgpu;

/// <summary>
/// The ILGPU backend: the CPU backend's ops as kernels (one file per op beside <c>Cpu/</c>), every buffer allocated
/// once on the device, launches in llm.c's order on the backend's own stream. A step copies only the B·T token ids
/// in and the B·T losses and the gradient norm's partial sums out; the parameters, gradients and moments stay on the
/// device. Every reduction is a fixed-order tree or a fixed blocking, so results are bit-identical run to run.
/// </summary>
public sealed class IlgpuBackend : ITrainingBackend
{
    private readonly IlgpuDevice _device;
    private readonly LaunchShape _shape;
    private readonly AcceleratorStream _stream;
    private readonly DeviceBuffers _buffers;

    private readonly int _n, _c, _l, _t, _v, _h;
    private readonly ArrayView<float> _params, _grads, _m, _v2;
    private readonly ArrayView<int> _decayMask, _inputs, _targets;
    private readonly ArrayView<float> _residual, _ln1Out, _ln1Mean, _ln1Rstd, _qkv, _att, _attY, _residual2, _ln2Out, _ln2Mean, _ln2Rstd, _fch, _fchGelu;
    private readonly ArrayView<float> _lnfOut, _lnfMean, _lnfRstd, _probs, _losses;
    private readonly ArrayView<float> _dResidual, _dC, _d4C, _dQkv, _dAtt, _dLogits, _partials;
    private readonly ArrayView<double> _normPartials;
    private readonly float[] _hostLosses;
    private readonly double[] _hostNormPartials;
    private bool _haveForward;

    internal IlgpuBackend(IlgpuDevice device, TinyGpt model, int batchSize)
    {
        model.Validate();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        _device = device;
        _shape = device.Shape;
        Model = model;
        BatchSize = batchSize;
        Layout = new ParameterLayout(model);
        Name = device.Name;
        _c = model.DModel;
        _l = model.Layers;
        _t = model.Context;
        _v = model.Vocab;
        _h = model.Heads;
        _n = checked(batchSize * _t);
        long n = _n, c = _c, l = _l;

        device.Accelerator.Bind();
        _stream = device.Accelerator.CreateStream();
        _buffers = new DeviceBuffers(device.Accelerator, _stream);
        int p = Layout.Count;
        _params = _buffers.Floats(p);
        _grads = _buffers.Floats(p);
        _m = _buffers.Floats(p);
        _v2 = _buffers.Floats(p);
        _decayMask = _buffers.Ints(p);
        _inputs = _buffers.Ints(n);
        _targets = _buffers.Ints(n);

        _residual = _buffers.Floats((l + 1) * n * c);
        _ln1Out = _buffers.Floats(l * n * c);
        _ln1Mean = _buffers.Floats(l * n);
        _ln1Rstd = _buffers.Floats(l * n);
        _qkv = _buffers.Floats(l * n * 3 * c);
        _att = _buffers.Floats(l * batchSize * _h * _t * _t);
        _attY = _buffers.Floats(l * n * c);
        _residual2 = _buffers.Floats(l * n * c);
        _ln2Out = _buffers.Floats(l * n * c);
        _ln2Mean = _buffers.Floats(l * n);
        _ln2Rstd = _buffers.Floats(l * n);
        _fch = _buffers.Floats(l * n * 4 * c);
        _fchGelu = _buffers.Floats(l * n * 4 * c);
        _lnfOut = _buffers.Floats(n * c);
        _lnfMean = _buffers.Floats(n);
        _lnfRstd = _buffers.Floats(n);
        _probs = _buffers.Floats(n * _v);
        _losses = _buffers.Floats(n);
        _dResidual = _buffers.Floats(n * c);
        _dC = _buffers.Floats(n * c);
        _d4C = _buffers.Floats(n * 4 * c);
        _dQkv = _buffers.Floats(n * 3 * c);
        _dAtt = _buffers.Floats((long)batchSize * _h * _t * _t);
        _dLogits = _buffers.Floats(n * _v);
        _partials = _buffers.Floats(Math.Max(LayerNormKernels.PartialsFloats(_n, _c), (long)ColumnSumKernels.Blocks(_n) * 4 * _c));
        _normPartials = _buffers.Doubles(_shape.NormGroups);
        _hostLosses = new float[_n];
        _hostNormPartials = new double[_shape.NormGroups];

        var mask = new int[p];
        foreach (var tensor in Layout.Tensors)
        {
            if (tensor.WeightDecay) mask.AsSpan(tensor.Offset, tensor.Length).Fill(1);
        }
        ((ArrayView1D<int, Stride1D.Dense>)_decayMask).CopyFromCPU(_stream, mask);
        _stream.Synchronize();
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public TinyGpt Model { get; }

    /// <inheritdoc />
    public int BatchSize { get; }

    /// <inheritdoc />
    public ParameterLayout Layout { get; }

    /// <summary>The device it runs on.</summary>
    internal IlgpuDevice Device => _device;

    /// <summary>Device memory held, in bytes.</summary>
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
        _device.Accelerator.Bind();
        ((ArrayView1D<int, Stride1D.Dense>)_inputs).CopyFromCPU(_stream, inputs);
        ((ArrayView1D<int, Stride1D.Dense>)_targets).CopyFromCPU(_stream, targets);

        var d = _device;
        var layout = Layout;
        d.Encoder.Forward(_stream, _shape, new EncoderKernels.Args
        {
            X = Residual(0), TokenEmbedding = P(layout.TokenEmbedding), PositionEmbedding = P(layout.PositionEmbedding),
            Tokens = _inputs, Rows = _n, Context = _t, C = _c, Vocab = _v,
        });

        for (int l = 0; l < _l; l++)
        {
            LayerNormForward(PerLayer(_ln1Out, l, _c), PerLayer(_ln1Mean, l, 1), PerLayer(_ln1Rstd, l, 1), Residual(l),
                P(layout.Ln1Weight, l), P(layout.Ln1Bias, l));
            d.Linear.Forward(_stream, _shape, PerLayer(_qkv, l, 3 * _c), PerLayer(_ln1Out, l, _c), P(layout.QkvWeight, l), P(layout.QkvBias, l),
                default, _n, _c, 3 * _c);
            d.Attention.Forward(_stream, _shape, new AttentionKernels.Args
            {
                Qkv = PerLayer(_qkv, l, 3 * _c), Att = Attention(_att, l), Output = PerLayer(_attY, l, _c),
                Batch = BatchSize, Context = _t, C = _c, Heads = _h,
            });
            d.Linear.Forward(_stream, _shape, PerLayer(_residual2, l, _c), PerLayer(_attY, l, _c), P(layout.AttentionProjectionWeight, l),
                P(layout.AttentionProjectionBias, l), Residual(l), _n, _c, _c);
            LayerNormForward(PerLayer(_ln2Out, l, _c), PerLayer(_ln2Mean, l, 1), PerLayer(_ln2Rstd, l, 1), PerLayer(_residual2, l, _c),
                P(layout.Ln2Weight, l), P(layout.Ln2Bias, l));
            d.Linear.Forward(_stream, _shape, PerLayer(_fch, l, 4 * _c), PerLayer(_ln2Out, l, _c), P(layout.MlpUpWeight, l), P(layout.MlpUpBias, l),
                default, _n, _c, 4 * _c);
            d.Gelu.Forward(_stream, _shape, new GeluKernels.Args { Input = PerLayer(_fch, l, 4 * _c), Output = PerLayer(_fchGelu, l, 4 * _c), Count = _n * 4 * _c });
            d.Linear.Forward(_stream, _shape, Residual(l + 1), PerLayer(_fchGelu, l, 4 * _c), P(layout.MlpDownWeight, l), P(layout.MlpDownBias, l),
                PerLayer(_residual2, l, _c), _n, 4 * _c, _c);
        }

        LayerNormForward(_lnfOut, _lnfMean, _lnfRstd, Residual(_l), P(layout.FinalLnWeight), P(layout.FinalLnBias));
        d.Linear.Forward(_stream, _shape, _probs, _lnfOut, P(layout.TokenEmbedding), default, default, _n, _c, _v);
        d.SoftmaxCrossEntropy.Forward(_stream, _shape, new SoftmaxCrossEntropyKernels.Args
        {
            LogitsToProbs = _probs, Losses = _losses, Targets = _targets, Rows = _n, Vocab = _v,
        });

        ((ArrayView1D<float, Stride1D.Dense>)_losses).CopyToCPU(_stream, _hostLosses);
        _stream.Synchronize();
        double loss = 0;
        for (int i = 0; i < _n; i++) loss += _hostLosses[i];
        _haveForward = true;
        return (float)(loss / _n);
    }

    /// <inheritdoc />
    public void GetProbabilities(Span<float> destination)
    {
        if (destination.Length != (long)_n * _v) throw new ArgumentException($"expected {(long)_n * _v} floats", nameof(destination));
        _device.Accelerator.Bind();
        ((ArrayView1D<float, Stride1D.Dense>)_probs).CopyToCPU(_stream, destination);
        _stream.Synchronize();
    }

    /// <inheritdoc />
    public void Backward()
    {
        if (!_haveForward) throw new InvalidOperationException("Backward needs a Forward first");
        _device.Accelerator.Bind();
        var d = _device;
        var layout = Layout;
        d.SoftmaxCrossEntropy.Backward(_stream, _shape, new SoftmaxCrossEntropyKernels.Args
        {
            LogitsToProbs = _probs, DLogits = _dLogits, Targets = _targets, Rows = _n, Vocab = _v,
        });
        d.Linear.BackwardWeight(_stream, _shape, G(layout.TokenEmbedding), _dLogits, _lnfOut, _n, _c, _v);
        d.Linear.BackwardInput(_stream, _shape, _dC, _dLogits, P(layout.TokenEmbedding), _n, _c, _v, accumulate: false);
        LayerNormBackward(_dResidual, G(layout.FinalLnWeight), G(layout.FinalLnBias), _dC, Residual(_l), P(layout.FinalLnWeight),
            _lnfMean, _lnfRstd, accumulate: false);

        for (int l = _l - 1; l >= 0; l--)
        {
            // MLP: residual[l+1] = residual2 + proj(gelu(fc(ln2(residual2)))).
            d.Linear.BackwardWeight(_stream, _shape, G(layout.MlpDownWeight, l), _dResidual, PerLayer(_fchGelu, l, 4 * _c), _n, 4 * _c, _c);
            d.Linear.BackwardBias(_stream, _shape, G(layout.MlpDownBias, l), _dResidual, _partials, _n, _c);
            d.Linear.BackwardInput(_stream, _shape, _d4C, _dResidual, P(layout.MlpDownWeight, l), _n, 4 * _c, _c, accumulate: false);
            d.Gelu.Backward(_stream, _shape, new GeluKernels.Args { Input = PerLayer(_fch, l, 4 * _c), DOutput = _d4C, DInput = _d4C, Count = _n * 4 * _c });
            d.Linear.BackwardWeight(_stream, _shape, G(layout.MlpUpWeight, l), _d4C, PerLayer(_ln2Out, l, _c), _n, _c, 4 * _c);
            d.Linear.BackwardBias(_stream, _shape, G(layout.MlpUpBias, l), _d4C, _partials, _n, 4 * _c);
            d.Linear.BackwardInput(_stream, _shape, _dC, _d4C, P(layout.MlpUpWeight, l), _n, _c, 4 * _c, accumulate: false);
            LayerNormBackward(_dResidual, G(layout.Ln2Weight, l), G(layout.Ln2Bias, l), _dC, PerLayer(_residual2, l, _c), P(layout.Ln2Weight, l),
                PerLayer(_ln2Mean, l, 1), PerLayer(_ln2Rstd, l, 1), accumulate: true);

            // Attention: residual2 = residual + proj(attention(qkv(ln1(residual)))).
            d.Linear.BackwardWeight(_stream, _shape, G(layout.AttentionProjectionWeight, l), _dResidual, PerLayer(_attY, l, _c), _n, _c, _c);
            d.Linear.BackwardBias(_stream, _shape, G(layout.AttentionProjectionBias, l), _dResidual, _partials, _n, _c);
            d.Linear.BackwardInput(_stream, _shape, _dC, _dResidual, P(layout.AttentionProjectionWeight, l), _n, _c, _c, accumulate: false);
            d.Attention.Backward(_stream, _shape, new AttentionKernels.Args
            {
                Qkv = PerLayer(_qkv, l, 3 * _c), Att = Attention(_att, l), DOutput = _dC, DAtt = _dAtt, DQkv = _dQkv,
                Batch = BatchSize, Context = _t, C = _c, Heads = _h,
            });
            d.Linear.BackwardWeight(_stream, _shape, G(layout.QkvWeight, l), _dQkv, PerLayer(_ln1Out, l, _c), _n, _c, 3 * _c);
            d.Linear.BackwardBias(_stream, _shape, G(layout.QkvBias, l), _dQkv, _partials, _n, 3 * _c);
            d.Linear.BackwardInput(_stream, _shape, _dC, _dQkv, P(layout.QkvWeight, l), _n, _c, 3 * _c, accumulate: false);
            LayerNormBackward(_dResidual, G(layout.Ln1Weight, l), G(layout.Ln1Bias, l), _dC, Residual(l), P(layout.Ln1Weight, l),
                PerLayer(_ln1Mean, l, 1), PerLayer(_ln1Rstd, l, 1), accumulate: true);
        }

        d.Encoder.Backward(_stream, _shape, new EncoderKernels.Args
        {
            X = _dResidual, TokenEmbedding = G(layout.TokenEmbedding), PositionEmbedding = G(layout.PositionEmbedding),
            Tokens = _inputs, Rows = _n, Context = _t, C = _c, Vocab = _v,
        });
    }

    /// <inheritdoc />
    public double GradientNorm()
    {
        _device.Accelerator.Bind();
        _device.AdamW.NormPartials(_stream, _shape, _grads, _normPartials);
        ((ArrayView1D<double, Stride1D.Dense>)_normPartials).CopyToCPU(_stream, _hostNormPartials);
        _stream.Synchronize();
        double total = 0;
        foreach (double partial in _hostNormPartials) total += partial;
        return Math.Sqrt(total);
    }

    /// <inheritdoc />
    public void Step(in AdamWStep step)
    {
        _device.Accelerator.Bind();
        _device.AdamW.Update(_stream, _shape, _params, _grads, _m, _v2, _decayMask, step);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _device.Accelerator.Bind();
        _stream.Synchronize();
        _buffers.Dispose();
        _stream.Dispose();
    }

    private ArrayView<float> P(ParameterTensor tensor, int layer = 0) => _params.SubView(tensor.OffsetOf(layer), tensor.LayerLength);

    private ArrayView<float> G(ParameterTensor tensor, int layer = 0) => _grads.SubView(tensor.OffsetOf(layer), tensor.LayerLength);

    /// <summary>Layer <paramref name="layer"/>'s slice of a stacked (L, B·T, width) activation.</summary>
    private ArrayView<float> PerLayer(ArrayView<float> stacked, int layer, int width) => stacked.SubView((long)layer * _n * width, (long)_n * width);

    private ArrayView<float> Residual(int layer) => PerLayer(_residual, layer, _c);

    private ArrayView<float> Attention(ArrayView<float> stacked, int layer)
    {
        long size = (long)BatchSize * _h * _t * _t;
        return stacked.SubView(layer * size, size);
    }

    private void LayerNormForward(ArrayView<float> output, ArrayView<float> mean, ArrayView<float> rstd, ArrayView<float> input,
        ArrayView<float> weight, ArrayView<float> bias) =>
        _device.LayerNorm.Forward(_stream, _shape, new LayerNormKernels.Args
        {
            Output = output, Mean = mean, Rstd = rstd, Input = input, Weight = weight, Bias = bias, Rows = _n, C = _c,
        });

    private void LayerNormBackward(ArrayView<float> dinput, ArrayView<float> dweight, ArrayView<float> dbias, ArrayView<float> doutput,
        ArrayView<float> input, ArrayView<float> weight, ArrayView<float> mean, ArrayView<float> rstd, bool accumulate) =>
        _device.LayerNorm.Backward(_stream, _shape, _device.ColumnSums, new LayerNormKernels.Args
        {
            DInput = dinput, DWeight = dweight, DBias = dbias, DOutput = doutput, Input = input, Weight = weight,
            Mean = mean, Rstd = rstd, Partials = _partials, Rows = _n, C = _c, Accumulate = accumulate ? 1 : 0,
        });

    private void CopyIn(ReadOnlySpan<float> source, ArrayView<float> destination)
    {
        if (source.Length != Layout.Count) throw new ArgumentException($"expected {Layout.Count} floats, got {source.Length}", nameof(source));
        _device.Accelerator.Bind();
        ((ArrayView1D<float, Stride1D.Dense>)destination).CopyFromCPU(_stream, source);
        _stream.Synchronize();
    }

    private void CopyOut(ArrayView<float> source, Span<float> destination)
    {
        if (destination.Length != Layout.Count) throw new ArgumentException($"expected {Layout.Count} floats, got {destination.Length}", nameof(destination));
        _device.Accelerator.Bind();
        ((ArrayView1D<float, Stride1D.Dense>)source).CopyToCPU(_stream, destination);
        _stream.Synchronize();
    }
}
