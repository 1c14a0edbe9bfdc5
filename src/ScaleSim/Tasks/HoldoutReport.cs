namespace ScaleSim.Tasks;

/// <summary>
/// How well a curve fitted without its largest scales predicts them: per held-out observation its scale, the observed
/// value and the prediction, with the root mean squared error and the root mean squared log error
/// √mean((ln(1 + y) − ln(1 + ŷ))²), the measure Caballero et al. (2022) report for extrapolation.
/// </summary>
/// <param name="Scales">The scale of each held-out observation (several per scale when a scale has several seeds).</param>
/// <param name="Observed">The observed values.</param>
/// <param name="Predicted">The fit's predictions at those scales.</param>
/// <param name="Rmse">√mean((y − ŷ)²).</param>
/// <param name="Rmsle">√mean((ln(1 + y) − ln(1 + ŷ))²); NaN when a prediction is −1 or below.</param>
public sealed record HoldoutReport(IReadOnlyList<double> Scales, IReadOnlyList<double> Observed, IReadOnlyList<double> Predicted, double Rmse, double Rmsle)
{
    /// <summary>The report of predictions <paramref name="predicted"/> for observations <paramref name="observed"/>.</summary>
    public static HoldoutReport Of(IReadOnlyList<double> scales, IReadOnlyList<double> observed, IReadOnlyList<double> predicted)
    {
        if (observed.Count == 0 || observed.Count != predicted.Count || scales.Count != observed.Count)
            throw new ArgumentException("a hold-out report needs as many predictions as observations, at least one");
        double rmse = Math.Sqrt(observed.Select((y, i) => (y - predicted[i]) * (y - predicted[i])).Average());
        // Caballero et al. 2022: RMSLE = √mean((log(1 + y) − log(1 + ŷ))²)
        double rmsle = predicted.Any(p => !(p > -1))
            ? double.NaN
            : Math.Sqrt(observed.Select((y, i) => Math.Pow(Math.Log(1 + y) - Math.Log(1 + predicted[i]), 2)).Average());
        return new HoldoutReport(scales, observed, predicted, rmse, rmsle);
    }

    /// <summary>How many distinct scales were held out.</summary>
    public int ScaleCount => Scales.Distinct().Count();
}
