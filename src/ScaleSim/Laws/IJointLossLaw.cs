namespace ScaleSim.Laws;

/// <summary>A law of both parameters and data, L(N, D): what a compute planner needs.</summary>
public interface IJointLossLaw : ILossLaw
{
    /// <summary>Predicted loss of a model with <paramref name="n"/> parameters trained on <paramref name="d"/> tokens.</summary>
    double Loss(double n, double d);

    /// <summary>The irreducible loss, the limit as N and D grow without bound (0 when the law has none).</summary>
    double IrreducibleLoss { get; }
}
