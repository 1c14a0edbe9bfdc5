namespace ScaleSim.Experiments.Ladder;

/// <summary>One IsoFLOP point of a ladder step: a matched run's final loss, or a long run read at a budget's tokens.</summary>
/// <param name="Run">The run it comes from.</param>
/// <param name="Seed">That run's seed.</param>
/// <param name="Budget">The budget it belongs to, counted as the step counts.</param>
/// <param name="Params">N, counted as the step counts.</param>
/// <param name="Tokens">D: the tokens read at (a long run) or trained on (a matched run).</param>
/// <param name="Flops">C = 6·N·D with the step's N.</param>
/// <param name="Loss">Validation loss at D.</param>
public sealed record LadderPoint(string Run, ulong Seed, double Budget, double Params, double Tokens, double Flops, double Loss);
