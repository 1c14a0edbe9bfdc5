namespace ScaleSim.Training.Data;

/// <summary>
/// Any file as text through a byte-level tokenizer: each byte is a token (V = 256), so UTF-8 text needs no
/// vocabulary and nothing is out of range. The split is deterministic: the first 90% of the bytes train, the last
/// 10% validate. Training sequences start at uniformly random offsets of the training part; validation sequences tile
/// the validation part at evenly spaced offsets.
/// </summary>
public sealed class ByteTextSource : ITokenSource
{
    /// <summary>Byte-level vocabulary.</summary>
    public const int ByteVocab = 256;

    /// <summary>Share of the file held out for validation.</summary>
    public const double ValidationFraction = 0.1;

    private readonly byte[] _bytes;
    private readonly int _trainLength;

    /// <summary>Reads <paramref name="path"/>; throws <see cref="InputException"/> naming it when it cannot be read.</summary>
    public ByteTextSource(string path)
    {
        try
        {
            _bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw InputException.About($"{InputName.Of("data")}: cannot read '{path}': {e.Message}", e);
        }
        Path = path;
        _trainLength = _bytes.Length - (int)Math.Ceiling(_bytes.Length * ValidationFraction);
    }

    /// <summary>A source over bytes already in memory (tests).</summary>
    public ByteTextSource(byte[] bytes, string description)
    {
        _bytes = bytes;
        Path = description;
        _trainLength = _bytes.Length - (int)Math.Ceiling(_bytes.Length * ValidationFraction);
    }

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary>Bytes in the file.</summary>
    public int Length => _bytes.Length;

    /// <summary>Bytes in the training part.</summary>
    public int TrainingLength => _trainLength;

    /// <inheritdoc />
    public string Description => Path;

    /// <inheritdoc />
    public int Vocab => ByteVocab;

    /// <inheritdoc />
    public double? EntropyRate => null;

    /// <inheritdoc />
    public double? UnigramEntropy
    {
        get
        {
            var counts = new double[ByteVocab];
            for (int i = 0; i < _trainLength; i++) counts[_bytes[i]]++;
            return _trainLength == 0 ? null : MarkovChain.Entropy(counts.Select(c => c / _trainLength).ToArray());
        }
    }

    /// <inheritdoc />
    public double? EntropyFloor(int context) => null;

    /// <summary>Throws <see cref="InputException"/> unless both parts hold at least one sequence of <paramref name="context"/> + 1 bytes.</summary>
    public void CheckFits(int context)
    {
        int validation = _bytes.Length - _trainLength;
        if (_trainLength < context + 1 || validation < context + 1)
            throw InputException.About($"{InputName.Of("data")}: '{Path}' is too short for {InputName.Of("context")} {context}: {_bytes.Length} bytes, need at least {(long)(context + 1) * 10 + 1} (90% train, 10% validation, each ≥ context+1)");
    }

    /// <inheritdoc />
    public void TrainingBatch(ulong seed, long step, int batch, int context, Span<int> inputs, Span<int> targets)
    {
        CheckFits(context);
        var rng = Xoshiro256.ForStream(seed, MarkovSource.TrainingStream, (ulong)step);
        for (int b = 0; b < batch; b++)
        {
            int start = rng.NextInt(_trainLength - context);
            for (int t = 0; t < context; t++)
            {
                inputs[b * context + t] = _bytes[start + t];
                targets[b * context + t] = _bytes[start + t + 1];
            }
        }
    }

    /// <inheritdoc />
    public ValidationSet Validation(int batch, int context, int sequences)
    {
        CheckFits(context);
        int validation = _bytes.Length - _trainLength;
        int tiles = Math.Max(1, (validation - 1) / context);
        int wanted = Math.Min(sequences, tiles);
        int count = Math.Max(1, (wanted + batch - 1) / batch) * batch;
        int span = validation - context - 1;
        var inputs = new int[count * context];
        var targets = new int[count * context];
        for (int s = 0; s < count; s++)
        {
            int start = _trainLength + (count == 1 ? 0 : (int)((long)span * s / (count - 1)));
            for (int t = 0; t < context; t++)
            {
                inputs[s * context + t] = _bytes[start + t];
                targets[s * context + t] = _bytes[start + t + 1];
            }
        }
        return new ValidationSet(count, context, inputs, targets, null, null);
    }
}
