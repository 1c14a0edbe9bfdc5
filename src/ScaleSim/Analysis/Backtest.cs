namespace ScaleSim.Analysis;

/// <summary>
/// A forecast checked against data: the parametric law fitted on the smaller budgets predicts the largest budget's optimal
/// size and loss, which its IsoFLOP profile then shows.
/// </summary>
/// <param name="Flops">The held-out (largest) budget.</param>
/// <param name="PredictedParams">N_opt the law fitted on smaller budgets predicts.</param>
/// <param name="ObservedParams">N_opt read off the held-out profile (its parabola's vertex, or its best run).</param>
/// <param name="PredictedLoss">The loss the law predicts at its N_opt.</param>
/// <param name="ObservedLoss">The loss at the held-out profile's optimum.</param>
/// <param name="Law">The law fitted on the smaller budgets.</param>
public sealed record Backtest(double Flops, double PredictedParams, double ObservedParams, double PredictedLoss, double ObservedLoss, Laws.ILossLaw Law)
{
    /// <summary>Relative loss error, predicted / observed − 1.</summary>
    public double LossError => PredictedLoss / ObservedLoss - 1;

    /// <summary>Predicted over observed N_opt (1 is perfect).</summary>
    public double ParamsRatio => PredictedParams / ObservedParams;

    /// <summary>The largest budget the law was fitted on.</summary>
    public double FittedFlops { get; init; }

    /// <summary>How far beyond the fitted budgets the forecast reaches: the held-out budget over the largest fitted one.</summary>
    public double Extrapolation => FittedFlops > 0 ? Flops / FittedFlops : double.NaN;

    /// <summary>95% bootstrap interval of <see cref="LossError"/> over the analysis's resamples, when bootstrapped.</summary>
    public (double Low, double High)? CiLossError { get; init; }

    /// <summary>95% bootstrap interval of <see cref="ParamsRatio"/>, when bootstrapped.</summary>
    public (double Low, double High)? CiParamsRatio { get; init; }
}
