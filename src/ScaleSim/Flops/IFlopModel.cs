namespace ScaleSim.Flops;

/// <summary>
/// A convention for counting training FLOPs. Kaplan and Chinchilla disagree partly because they count
/// differently (Pearce &amp; Song 2024; Porian et al. 2024), so every count names its convention.
/// </summary>
public interface IFlopModel
{
    /// <summary>Short name used on the command line and in reports (e.g. <c>6nd</c>, <c>hoffmann</c>).</summary>
    string Name { get; }

    /// <summary>One line describing the convention, for figure captions.</summary>
    string Description { get; }

    /// <summary>Training FLOPs (forward and backward) per token for a model; throws when the model lacks what the convention needs.</summary>
    double TrainingFlopsPerToken(ModelSize model);
}
