namespace ScaleSim.Fitting;

/// <summary>The outcome of one local optimisation.</summary>
/// <param name="Theta">The final point in fit space.</param>
/// <param name="Objective">The objective there.</param>
/// <param name="Converged">Whether the optimiser met its convergence test (rather than failing or running out of iterations).</param>
/// <param name="Iterations">Iterations taken.</param>
public sealed record LocalFit(double[] Theta, double Objective, bool Converged, int Iterations);
