namespace ScaleSim.Reconciliation;

/// <summary>One point of a compute-efficient frontier, both numbers counted in the same convention.</summary>
/// <param name="Flops">The budget C = 6·N·D.</param>
/// <param name="Params">The compute-optimal N at that budget.</param>
public sealed record FrontierPoint(double Flops, double Params);
