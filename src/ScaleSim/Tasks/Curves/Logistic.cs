namespace ScaleSim.Tasks.Curves;

/// <summary>The logistic function and its relatives, written to stay finite for large arguments.</summary>
internal static class Logistic
{
    /// <summary>σ(z) = 1 / (1 + e^(−z)).</summary>
    public static double Sigmoid(double z) => z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));

    /// <summary>The inverse of σ, for p in (0, 1).</summary>
    public static double Logit(double p) => Math.Log(p / (1 - p));

    /// <summary>softplus(z) = ln(1 + e^z), without overflow for large z.</summary>
    public static double Softplus(double z) => Math.Max(z, 0) + Math.Log(1 + Math.Exp(-Math.Abs(z)));
}
