namespace ScaleSim.Training.Backends;

/// <summary>The checks every backend makes on a batch of input and target tokens before it runs the model.</summary>
internal static class TokenBatch
{
    /// <summary>Throws unless there are batch × context inputs and targets, every one a token id below <paramref name="vocab"/>.</summary>
    public static void Check(ReadOnlySpan<int> inputs, ReadOnlySpan<int> targets, int batch, int context, int vocab)
    {
        int n = batch * context;
        if (inputs.Length != n || targets.Length != n)
            throw new ArgumentException($"expected {n} inputs and targets (batch {batch} × context {context}), got {inputs.Length} and {targets.Length}");
        for (int i = 0; i < n; i++)
        {
            if ((uint)inputs[i] >= (uint)vocab || (uint)targets[i] >= (uint)vocab)
                throw new ArgumentException($"token out of range [0, {vocab}) at position {i}");
        }
    }
}
