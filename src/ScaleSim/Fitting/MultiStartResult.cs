namespace ScaleSim.Fitting;

/// <summary>The outcome of a multi-start search.</summary>
/// <param name="Best">The polish of the best start, or that start itself when polishing made it worse.</param>
/// <param name="StartsConverged">How many refined starts met the convergence test.</param>
public sealed record MultiStartResult(LocalFit Best, int StartsConverged);
