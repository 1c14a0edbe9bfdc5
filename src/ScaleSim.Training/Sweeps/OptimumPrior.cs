namespace ScaleSim.Training.Sweeps;

/// <summary>
/// Where a budget's optimum is expected before any data, so sizes can be spread around it:
/// N_opt(C) ≈ Params · (C / Flops)^Exponent, in the sweep's own parameter convention.
/// </summary>
public sealed record OptimumPrior
{
    /// <summary>The expected optimal size at <see cref="Flops"/>.</summary>
    public double Params { get; init; } = 79e3;

    /// <summary>The reference budget.</summary>
    public double Flops { get; init; } = 1e12;

    /// <summary>The expected exponent of N_opt on C.</summary>
    public double Exponent { get; init; } = 0.69;

    /// <summary>The expected optimum at <paramref name="flops"/>.</summary>
    public double At(double flops) => Params * Math.Pow(flops / Flops, Exponent);

    /// <summary>Throws <see cref="InputException"/> on an impossible prior.</summary>
    public void Validate(string source)
    {
        if (!(Params > 0) || !(Flops > 0)) throw new InputException($"{source}: prior_optimum.params and prior_optimum.flops must be positive");
        if (!(Exponent > 0 && Exponent < 1)) throw new InputException($"{source}: prior_optimum.exponent must lie in (0, 1), got {Exponent}");
    }
}
