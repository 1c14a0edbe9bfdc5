namespace ScaleSim.Training.Data;

/// <summary>Lays sampled sequences of context + 1 tokens out as rows of model inputs and their next-token targets.</summary>
internal static class SequenceRows
{
    /// <summary>Draws <paramref name="rows"/> sequences in turn from <paramref name="rng"/> into rows of <paramref name="context"/> inputs and targets.</summary>
    public static void Fill<TSampler>(TSampler sampler, ref Xoshiro256 rng, int rows, int context, Span<int> inputs, Span<int> targets)
        where TSampler : ISequenceSampler
    {
        // Training calls this every step: keep the sequence on the stack when it fits.
        Span<int> sequence = context + 1 <= 1024 ? stackalloc int[context + 1] : new int[context + 1];
        for (int r = 0; r < rows; r++)
        {
            sampler.Sequence(ref rng, sequence);
            sequence[..context].CopyTo(inputs.Slice(r * context, context));
            sequence[1..].CopyTo(targets.Slice(r * context, context));
        }
    }
}
