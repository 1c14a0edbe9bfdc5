namespace ScaleSim.Laws;

/// <summary>
/// Hoffmann et al. (2022), Eq. 2: L(N, D) = E + A/N^alpha + B/D^beta.
/// </summary>
public sealed record ChinchillaLaw(double E, double A, double B, double Alpha, double Beta) : IJointLossLaw
{
    /// <summary>The JSON kind name.</summary>
    public const string KindName = "chinchilla";

    /// <inheritdoc />
    public string Kind => KindName;

    /// <inheritdoc />
    public IReadOnlyList<string> ParameterNames { get; } = ["E", "A", "B", "alpha", "beta"];

    /// <inheritdoc />
    public IReadOnlyList<double> ParameterValues => [E, A, B, Alpha, Beta];

    /// <inheritdoc />
    public double IrreducibleLoss => E;

    /// <summary>Exponent of compute-optimal N on C: a = beta/(alpha+beta) (Hoffmann et al. 2022, Eq. 4).</summary>
    public double ParamsExponent => Beta / (Alpha + Beta);

    /// <summary>Exponent of compute-optimal D on C: b = alpha/(alpha+beta) (Hoffmann et al. 2022, Eq. 4).</summary>
    public double TokensExponent => Alpha / (Alpha + Beta);

    /// <summary>G = (alpha·A / (beta·B))^(1/(alpha+beta)), so N_opt = G·(C/6)^a and D_opt = (C/6)^b / G (Hoffmann et al. 2022, Eq. 4).</summary>
    public double AllocationScale => Math.Pow(Alpha * A / (Beta * B), 1.0 / (Alpha + Beta));

    /// <inheritdoc />
    public double Loss(double n, double d) =>
        // Hoffmann et al. 2022, Eq. 2
        E + A / Math.Pow(n, Alpha) + B / Math.Pow(d, Beta);

    /// <inheritdoc />
    public double Loss(ScalePoint x) => Loss(x.Params, x.Tokens);

    /// <inheritdoc />
    public void Gradient(ScalePoint x, Span<double> gradient)
    {
        double nTerm = Math.Pow(x.Params, -Alpha), dTerm = Math.Pow(x.Tokens, -Beta);
        gradient[0] = 1;
        gradient[1] = nTerm;
        gradient[2] = dTerm;
        gradient[3] = -A * nTerm * Math.Log(x.Params);
        gradient[4] = -B * dTerm * Math.Log(x.Tokens);
    }

    /// <inheritdoc />
    public IReadOnlyList<KeyValuePair<string, double>> DerivedQuantities() =>
        [new("a", ParamsExponent), new("b", TokensExponent)];
}
