namespace ScaleSim.Training.Sweeps;

/// <summary>Why a run is in a sweep.</summary>
public enum RunRole
{
    /// <summary>One size at one compute budget: a point of an IsoFLOP profile (Approaches 1–3).</summary>
    IsoFlop,

    /// <summary>An extra schedule horizon of a size, for Approach 1's envelope only.</summary>
    Horizon,

    /// <summary>One width of a size sweep, at the sweep's fixed token count.</summary>
    Size,

    /// <summary>
    /// A constant-rate run of one size and seed that branches continue (warmup-stable-decay): not a data point itself, its
    /// loss is that of a run still at its peak rate.
    /// </summary>
    Stem,

    /// <summary>One cell of a training grid (width, tokens, learning rate, batch, schedule).</summary>
    Grid,
}
