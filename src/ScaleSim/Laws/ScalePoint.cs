namespace ScaleSim.Laws;

/// <summary>
/// Where a law is evaluated: parameters N, training tokens D and compute C (FLOPs), and, for the laws that need
/// them, the unique tokens available and the mixture-of-experts layout. A law reads only what it depends on;
/// unknown values may be NaN, and the optional ones are null when they do not apply.
/// </summary>
public readonly record struct ScalePoint(double Params, double Tokens, double Flops)
{
    /// <summary>Unique tokens U in the training data (data-constrained laws); null when data never repeats.</summary>
    public double? UniqueTokens { get; init; }

    /// <summary>Experts per mixture-of-experts layer (Clark et al.'s E; Krajewski et al.'s expansion rate); null for dense models.</summary>
    public double? Experts { get; init; }

    /// <summary>Granularity G of a fine-grained mixture of experts (Krajewski et al. 2024); null means 1.</summary>
    public double? Granularity { get; init; }

    /// <summary>Optimizer steps S taken (the learning-curve law L(N, S)); null when unknown.</summary>
    public double? Steps { get; init; }

    /// <summary>Tokens per optimizer step B (the learning-curve law L(N, S)); null when unknown.</summary>
    public double? BatchTokens { get; init; }

    /// <summary>A point with N and D known and C = 6ND.</summary>
    public static ScalePoint FromParamsTokens(double n, double d) => new(n, d, 6.0 * n * d);
}
