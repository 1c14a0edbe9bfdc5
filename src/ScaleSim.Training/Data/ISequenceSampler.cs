namespace ScaleSim.Training.Data;

/// <summary>A source whose data are independent sequences, each drawn whole from a random stream.</summary>
public interface ISequenceSampler
{
    /// <summary>Fills <paramref name="tokens"/> with one sequence drawn from <paramref name="rng"/>.</summary>
    void Sequence(ref Xoshiro256 rng, Span<int> tokens);
}
