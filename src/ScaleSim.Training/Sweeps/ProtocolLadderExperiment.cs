using ScaleSim.Flops;
using ScaleSim.Training.Model;

namespace ScaleSim.Training.Sweeps;

/// <summary>
/// Kaplan's allocation against Chinchilla's by protocol (Porian et al. 2024, "Resolving Discrepancies in
/// Compute-Optimal Scaling of Language Models"): one model family trained under Kaplan et al.'s protocol, under
/// Chinchilla's, and under the steps between them, each analysed with IsoFLOP parabolas (Hoffmann et al. 2022,
/// Approach 2). Long cosine runs per size (<see cref="LadderFamily.KaplanCurves"/>, <see cref="LadderFamily.ScaledWarmupCurves"/>)
/// are read at the budgets' token counts; matched runs (<see cref="LadderFamily.MatchedCosine"/>,
/// <see cref="LadderFamily.TunedCosine"/>) are trained at each budget. Budgets count C = 6·N·D with all parameters
/// (the FLOP model is 6nd); step 1 recounts the same runs Kaplan's way.
/// </summary>
public sealed record ProtocolLadderExperiment : BudgetedExperiment
{
    /// <summary>A ladder counts its budgets with all parameters (6nd); step 1 recounts them without embeddings.</summary>
    public ProtocolLadderExperiment() => FlopModel = FlopModels.SixN;

    /// <summary>What the first steps keep of Kaplan's protocol.</summary>
    public KaplanProtocol KaplanProtocol { get; init; } = new();

    /// <summary>The sizes of one budget's profile when N and C count all parameters or, with <paramref name="nonEmbedding"/>, only those outside the embeddings.</summary>
    public IReadOnlyList<TinyGpt> SizesAt(double budget, bool nonEmbedding, int vocab) =>
        IsoFlopSizes.Place(budget, PriorOptimum, SizesPerBudget, SizeSpan, Shape, Context, vocab, m => nonEmbedding ? m.NonEmbeddingParameters : m.Parameters);

    /// <inheritdoc />
    public override void Validate(string source)
    {
        ValidateBudgets(source, 2, "at least two compute budgets (a ladder step fits a line through their optima)");
        if (FlopModel != FlopModels.SixN) throw new InputException($"{source}: flop_model must be 6nd in a ladder (its budgets count all parameters; step 1 recounts them Kaplan's way), got {FlopModel.Name}");
        base.Validate(source);
        KaplanProtocol.Validate(source);
    }
}
