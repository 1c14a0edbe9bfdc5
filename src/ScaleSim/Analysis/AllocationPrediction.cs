namespace ScaleSim.Analysis;

/// <summary>
/// One approach's compute-optimal allocation at a budget, extrapolated from its N_opt(C) and D_opt(C), with 95%
/// bootstrap intervals.
/// </summary>
/// <param name="Flops">The budget C.</param>
/// <param name="Params">N_opt(C).</param>
/// <param name="Tokens">D_opt(C).</param>
/// <param name="Loss">The loss at (N_opt, D_opt) by the approach's law, or null when the approach has none (Approaches 1 and 2).</param>
/// <param name="ParamsInterval">95% interval of N_opt(C), or null when not bootstrapped.</param>
/// <param name="TokensInterval">95% interval of D_opt(C), or null when not bootstrapped.</param>
/// <param name="LossInterval">95% interval of the loss, or null.</param>
public sealed record AllocationPrediction(
    double Flops,
    double Params,
    double Tokens,
    double? Loss,
    (double Low, double High)? ParamsInterval,
    (double Low, double High)? TokensInterval,
    (double Low, double High)? LossInterval);
