using ScaleSim.Flops;
using ScaleSim.Laws;

namespace ScaleSim.Planning;

/// <summary>
/// Krajewski et al. (2024): the compute-optimal active size and tokens of a fine-grained mixture of experts at a given
/// expansion rate and granularity, minimising L(N, D, G) subject to C = D·F(N, E, G) with the router's FLOPs counted
/// (<see cref="FineGrainedMoeFlops"/>), by <see cref="UnimodalSearch"/> over log N; and, given a dense law fitted on the
/// same data, the least dense compute that reaches the same loss.
/// </summary>
public sealed class MoePlanner(FineGrainedMoeLaw law, IJointLossLaw? denseLaw = null, double aspectRatio = MoePlanner.DefaultAspectRatio)
{
    /// <summary>
    /// d_model/n_layer assumed to turn an active parameter count into a shape for the router's FLOPs: ScaleSim's
    /// assumption (64, the width-to-depth of a 512-wide, 8-block model), not a value from the paper.
    /// </summary>
    public const double DefaultAspectRatio = 64;

    /// <summary>The MoE loss law.</summary>
    public FineGrainedMoeLaw Law { get; } = law;

    /// <summary>The dense law the MoE is compared against, or null.</summary>
    public IJointLossLaw? DenseLaw { get; } = denseLaw;

    /// <summary>The aspect ratio d_model/n_layer used for the router's FLOPs.</summary>
    public double AspectRatio { get; } = aspectRatio;

    /// <summary>The compute-optimal plan at budget C for layout (E, G).</summary>
    public MoePlan Optimal(double flops, ExpertLayout layout)
    {
        if (!double.IsFinite(flops) || flops <= 0) throw InputException.About($"{InputName.Of("flops")} must be a positive finite number, got {flops}");
        layout.Validate();
        var flopModel = new FineGrainedMoeFlops(layout);
        double logN = UnimodalSearch.Minimize(l =>
        {
            double n = Math.Exp(l);
            return Law.Loss(n, flops / flopModel.FlopsPerToken(n, AspectRatio), layout.Granularity);
        }, 0, Math.Log(flops / 6.0));
        return AtActiveParams(flops, Math.Exp(logN), layout);
    }

    /// <summary>The plan at budget C for a fixed active size.</summary>
    public MoePlan AtActiveParams(double flops, double activeParams, ExpertLayout layout)
    {
        var flopModel = new FineGrainedMoeFlops(layout);
        double perToken = flopModel.FlopsPerToken(activeParams, AspectRatio);
        double tokens = flops / perToken;
        double loss = Law.Loss(activeParams, tokens, layout.Granularity);
        Allocation? dense = null;
        if (DenseLaw is not null && loss > DenseLaw.IrreducibleLoss)
            dense = new ComputePlanner(DenseLaw, new LawMinimumRule(DenseLaw)).ForTargetLoss(loss);
        return new MoePlan(flops, activeParams, flopModel.TotalParams(activeParams, AspectRatio), tokens, perToken,
            1 - FineGrainedMoeFlops.FlopsPerActiveParam * activeParams / perToken, loss, layout.ExpansionRate, layout.Granularity, dense);
    }
}
