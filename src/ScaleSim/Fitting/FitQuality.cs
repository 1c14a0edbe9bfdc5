namespace ScaleSim.Fitting;

/// <summary>How well a fit matches its data, in log loss.</summary>
/// <param name="Rmse">Root mean square of log L̂ − log L.</param>
/// <param name="MeanResidual">Mean of log L̂ − log L (a systematic offset shows here).</param>
/// <param name="MaxAbsResidual">Largest |log L̂ − log L|.</param>
public sealed record FitQuality(double Rmse, double MeanResidual, double MaxAbsResidual)
{
    /// <summary>Summarises residuals.</summary>
    public static FitQuality Of(IReadOnlyList<double> residuals) => new(
        Math.Sqrt(residuals.Average(r => r * r)),
        residuals.Average(),
        residuals.Max(Math.Abs));
}
