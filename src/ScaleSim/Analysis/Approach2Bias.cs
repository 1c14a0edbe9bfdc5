using ScaleSim.Laws;

namespace ScaleSim.Analysis;

/// <summary>
/// How far Approach 2's parabolas would miss the optimum even on noise-free data, measured on a law (the Approach-3
/// fit): the law's exact loss at each budget's own sizes, fitted with a parabola like the data, against the law's true
/// optimum. A parabola is a Taylor expansion of the IsoFLOP profile; on a wide grid, and when α ≠ β makes the profile
/// lopsided, its vertex shifts (Open-Athena, "Problems with Chinchilla Approach 2", github.com/Open-Athena/
/// scaling-law-analysis): a constant shift biases the intercept G_N, a shift that changes with the budget (a grid
/// placed differently around each optimum) the exponent a as well.
/// </summary>
/// <param name="Law">The law the bias is measured on.</param>
/// <param name="VertexBias">Per parabola (in the order of the analysis' parabolas): the vertex of the law's exact profile
/// over the law's optimum, minus 1; NaN where that parabola has no interior minimum.</param>
/// <param name="VertexParamsLaw">N_opt(C) through the exact profiles' vertices (the budgets Approach 2 used), or null
/// with fewer than two.</param>
public sealed record Approach2Bias(ChinchillaLaw Law, IReadOnlyList<double> VertexBias, PowerLaw? VertexParamsLaw)
{
    /// <summary>A budget's vertex off by more than this fraction earns a warning.</summary>
    public const double MaxVertexBias = 0.05;

    /// <summary>An exponent off by more than this earns a warning.</summary>
    public const double MaxExponentBias = 0.02;

    /// <summary>a through the exact profiles' vertices minus the law's a; NaN without <see cref="VertexParamsLaw"/>.</summary>
    public double ExponentBias => VertexParamsLaw is { } p ? p.Exponent - Law.ParamsExponent : double.NaN;

    /// <summary>The largest |<see cref="VertexBias"/>| (NaN when none is defined).</summary>
    public double WorstVertexBias => VertexBias.Where(double.IsFinite).Select(Math.Abs).DefaultIfEmpty(double.NaN).Max();

    /// <summary>N_opt(C) extrapolated through the exact profiles' vertices over the law's N_opt(C), minus 1.</summary>
    public double ParamsBiasAt(double flops) =>
        VertexParamsLaw is { } p ? p.At(flops) / (Law.AllocationScale * Math.Pow(flops / 6, Law.ParamsExponent)) - 1 : double.NaN;

    /// <summary>Whether the bias is large enough to warn about.</summary>
    public bool IsLarge => WorstVertexBias > MaxVertexBias || Math.Abs(ExponentBias) > MaxExponentBias;
}
