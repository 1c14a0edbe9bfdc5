namespace ScaleSim.Laws;

/// <summary>
/// Where a law is evaluated: parameters N, training tokens D and compute C (FLOPs). A law reads only what it
/// depends on; unknown values may be NaN.
/// </summary>
public readonly record struct ScalePoint(double Params, double Tokens, double Flops)
{
    /// <summary>A point with N and D known and C = 6ND.</summary>
    public static ScalePoint FromParamsTokens(double n, double d) => new(n, d, 6.0 * n * d);
}
