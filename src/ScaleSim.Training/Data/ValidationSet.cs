namespace ScaleSim.Training.Data;

/// <summary>
/// Held-out sequences for validation, a whole number of batches. When the source knows its true next-token
/// distributions, <see cref="TrueDistributions"/> holds them per position and the validation loss is the expected
/// cross-entropy Σ_y p(y | context)·(−log q(y)) — the loss averaged over every possible next token instead of the
/// one sampled, which removes the sampling noise of the targets — and <see cref="Floor"/> is its exact minimum on
/// this set. Otherwise the loss is the ordinary cross-entropy with <see cref="Targets"/>.
/// </summary>
/// <param name="Sequences">Number of sequences.</param>
/// <param name="Context">Tokens per sequence.</param>
/// <param name="Inputs">Sequences × context input tokens.</param>
/// <param name="Targets">Sequences × context next tokens.</param>
/// <param name="TrueDistributions">Sequences × context × vocab true next-token probabilities, or null.</param>
/// <param name="Floor">The expected cross-entropy of the true distributions themselves (their mean entropy), or null.</param>
public sealed record ValidationSet(int Sequences, int Context, int[] Inputs, int[] Targets, float[]? TrueDistributions, double? Floor);
