namespace ScaleSim.Laws;

/// <summary>
/// Kaplan et al. (2020), Eqs. 1.1–1.3: L(X) = (X_c/X)^alpha_X for X = N, D or C, optionally plus an irreducible
/// term E (Henighan et al. 2020's form). C is in FLOPs (Kaplan's tables use PF-days; 1 PF-day = 8.64e19 FLOPs).
/// </summary>
public sealed record KaplanPowerLaw(ScaleVariable Variable, double Scale, double Exponent, double? E = null) : ILossLaw
{
    /// <summary>The JSON kind for a law of the given variable.</summary>
    public static string KindFor(ScaleVariable v) => v switch
    {
        ScaleVariable.Params => "kaplan-n",
        ScaleVariable.Tokens => "kaplan-d",
        _ => "kaplan-c",
    };

    private static string Suffix(ScaleVariable v) => v switch
    {
        ScaleVariable.Params => "N",
        ScaleVariable.Tokens => "D",
        _ => "C",
    };

    /// <summary>Parameter names for a law of this variable, with or without E.</summary>
    public static IReadOnlyList<string> NamesFor(ScaleVariable v, bool withE) =>
        withE ? [$"alpha_{Suffix(v)}", $"{Suffix(v)}_c", "E"] : [$"alpha_{Suffix(v)}", $"{Suffix(v)}_c"];

    /// <inheritdoc />
    public string Kind => KindFor(Variable);

    /// <inheritdoc />
    public IReadOnlyList<string> ParameterNames => NamesFor(Variable, E.HasValue);

    /// <inheritdoc />
    public IReadOnlyList<double> ParameterValues => E.HasValue ? [Exponent, Scale, E.Value] : [Exponent, Scale];

    /// <summary>Reads this law's variable from a point.</summary>
    public double Read(ScalePoint x) => Variable switch
    {
        ScaleVariable.Params => x.Params,
        ScaleVariable.Tokens => x.Tokens,
        _ => x.Flops,
    };

    /// <summary>Predicted loss at a value of the law's variable.</summary>
    public double Loss(double value) =>
        // Kaplan et al. 2020, Eqs. 1.1-1.3 (plus an optional irreducible term)
        (E ?? 0) + Math.Pow(Scale / value, Exponent);

    /// <inheritdoc />
    public double Loss(ScalePoint x) => Loss(Read(x));

    /// <inheritdoc />
    public void Gradient(ScalePoint x, Span<double> gradient)
    {
        double ratio = Scale / Read(x);
        double power = Math.Pow(ratio, Exponent);
        gradient[0] = power * Math.Log(ratio);
        gradient[1] = Exponent * power / Scale;
        if (E.HasValue) gradient[2] = 1;
    }
}
