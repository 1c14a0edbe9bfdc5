namespace ScaleSim.Training.Data;

/// <summary>
/// Where training and validation tokens come from. Training batches are a pure function of (run seed, step), so a
/// resumed run sees exactly the batches an uninterrupted one would; the validation set depends only on the source,
/// so every run of a sweep is scored on the same tokens.
/// </summary>
public interface ITokenSource
{
    /// <summary>The <c>--data</c> spelling of the source (e.g. <c>synthetic:k=2,V=64,…</c> or a file path).</summary>
    string Description { get; }

    /// <summary>Vocabulary size.</summary>
    int Vocab { get; }

    /// <summary>The exact entropy rate (nats/token) when the source knows it.</summary>
    double? EntropyRate { get; }

    /// <summary>The entropy of the single-token distribution when known.</summary>
    double? UnigramEntropy { get; }

    /// <summary>The irreducible loss at context length <paramref name="context"/> when known (see <see cref="MarkovChain.EntropyFloor"/>).</summary>
    double? EntropyFloor(int context);

    /// <summary>Fills the batch of step <paramref name="step"/>: <paramref name="batch"/> rows of <paramref name="context"/> inputs and their next-token targets.</summary>
    void TrainingBatch(ulong seed, long step, int batch, int context, Span<int> inputs, Span<int> targets);

    /// <summary>The fixed validation set: at least <paramref name="sequences"/> sequences, a whole number of batches.</summary>
    ValidationSet Validation(int batch, int context, int sequences);
}
