using ScaleSim.Laws;

namespace ScaleSim.Fitting;

/// <summary>A fitted law and everything needed to judge the fit.</summary>
/// <param name="Law">The fitted law in natural parameters.</param>
/// <param name="Model">The fit-space model it was fitted with.</param>
/// <param name="Theta">The optimum in fit space.</param>
/// <param name="Objective">The summed Huber objective at the optimum.</param>
/// <param name="Converged">Whether the optimiser met its convergence test at the best start.</param>
/// <param name="Points">Number of observations fitted.</param>
/// <param name="Starts">Number of starting points tried.</param>
/// <param name="StartsConverged">How many of them converged.</param>
/// <param name="HuberDelta">The Huber δ used.</param>
/// <param name="Quality">Residual summary in log loss.</param>
/// <param name="Residuals">log L̂ − log L per observation, in data order.</param>
public sealed record FitResult(
    ILossLaw Law,
    ILogLossModel Model,
    double[] Theta,
    double Objective,
    bool Converged,
    int Points,
    int Starts,
    int StartsConverged,
    double HuberDelta,
    FitQuality Quality,
    double[] Residuals);
