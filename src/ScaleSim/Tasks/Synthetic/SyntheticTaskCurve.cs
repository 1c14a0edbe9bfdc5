using ScaleSim.Tasks.Classification;

namespace ScaleSim.Tasks.Synthetic;

/// <summary>A synthetic curve with the truth it was drawn from.</summary>
/// <param name="Class">The class the curve was drawn as.</param>
/// <param name="Generator">Which shape made it (e.g. "sigmoid", "exact-match p^L", "V").</param>
/// <param name="Curve">The noisy observations.</param>
/// <param name="Truth">The true score as a function of log10(scale).</param>
public sealed record SyntheticTaskCurve(CurveClass Class, string Generator, TaskCurve Curve, Func<double, double> Truth);
