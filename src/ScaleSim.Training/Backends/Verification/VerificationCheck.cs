namespace ScaleSim.Training.Backends.Verification;

/// <summary>One quantity compared by <see cref="BackendVerification"/>, and how it came out.</summary>
/// <param name="Kind">The comparison.</param>
/// <param name="Shape">The shape it ran at (a <see cref="VerificationShape"/> name, or what the kind ran on).</param>
/// <param name="Quantity">What was compared, e.g. <c>loss</c>, <c>gradients</c>, <c>parameters</c>.</param>
/// <param name="Tolerance">What was allowed, in words, e.g. <c>1e-5 of each tensor's largest</c> or <c>bit-identical</c>.</param>
/// <param name="WorstRatio">
/// The largest error as a fraction of what the tolerance allowed for that element (at most 1 passes): how close the
/// check came to failing. Null for bit-for-bit comparisons.
/// </param>
/// <param name="Passed">Whether every element was within tolerance (or identical).</param>
/// <param name="Detail">The worst element, e.g. <c>qkv_bias[17]: 0.012 vs 0.0119 (scale 0.3)</c>, or how many values differ.</param>
public sealed record VerificationCheck(VerificationKind Kind, string Shape, string Quantity, string Tolerance, double? WorstRatio, bool Passed, string Detail);
