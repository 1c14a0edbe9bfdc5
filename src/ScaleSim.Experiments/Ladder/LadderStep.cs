using ScaleSim.Analysis;
using ScaleSim.Training.Sweeps;

namespace ScaleSim.Experiments.Ladder;

/// <summary>
/// One step of the ladder from Kaplan et al.'s protocol to Chinchilla's (Porian et al. 2024), and what Approach 2 found
/// on its points.
/// </summary>
/// <param name="Number">1 for Kaplan's protocol, up to 5 for Chinchilla's.</param>
/// <param name="Name">A short name ("+ head counted").</param>
/// <param name="Change">What the step changes, in words.</param>
/// <param name="Family">The runs it reads.</param>
/// <param name="NonEmbedding">Whether N and C count only the parameters outside the embeddings (Kaplan's accounting).</param>
/// <param name="Points">Its IsoFLOP points.</param>
/// <param name="Estimate">Approach 2 on them with 95% intervals (seeds resampled), or null when it failed.</param>
/// <param name="Failure">Why Approach 2 failed, or null.</param>
/// <param name="PublishedA">Porian et al.'s a after the same step (RefinedWeb), for comparison.</param>
public sealed record LadderStep(int Number, string Name, string Change, LadderFamily Family, bool NonEmbedding,
    IReadOnlyList<LadderPoint> Points, AllocationEstimate? Estimate, string? Failure, double? PublishedA)
{
    /// <summary>Whether its points are long runs read at intermediate points rather than matched runs.</summary>
    public bool ReadFromCurves => Family is LadderFamily.KaplanCurves or LadderFamily.ScaledWarmupCurves;

    /// <summary>How much N_opt grows for 10× compute: 10^a.</summary>
    public double? ParamsPer10x => Estimate is { } e ? Math.Pow(10, e.A) : null;

    /// <summary>How much D_opt grows for 10× compute: 10^b.</summary>
    public double? TokensPer10x => Estimate is { } e ? Math.Pow(10, e.B) : null;

    /// <summary>Half the width of the 95% interval on a, or null without one.</summary>
    public double? HalfWidth => Estimate?.CiA is { } ci ? (ci.High - ci.Low) / 2 : null;
}
