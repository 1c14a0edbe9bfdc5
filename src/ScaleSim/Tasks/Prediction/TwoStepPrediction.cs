using ScaleSim.Fitting;
using ScaleSim.Laws;
using ScaleSim.Tasks.Curves;

namespace ScaleSim.Tasks.Prediction;

/// <summary>A two-step forecast of a task score at a larger compute budget, with what it was fitted on.</summary>
/// <param name="Curve">The observations used (without the held-out models when holding out).</param>
/// <param name="LossFit">Step 1: task loss against training compute, L(C) = E + (C_c/C)^α.</param>
/// <param name="ScoreFit">Step 2: score against task loss, a sigmoid falling from the ceiling to chance as the loss grows.</param>
/// <param name="TargetFlops">The compute the forecast is for.</param>
/// <param name="Loss">Predicted task loss at the target, with its 95% bootstrap interval.</param>
/// <param name="Score">Predicted score at the target, with its 95% bootstrap interval.</param>
/// <param name="HeldOut">The held-out models at the target compute (empty unless holding out the largest).</param>
/// <param name="Resamples">Bootstrap resamples behind the intervals.</param>
public sealed record TwoStepPrediction(
    TaskCurve Curve,
    FitResult LossFit,
    CurveFit ScoreFit,
    double TargetFlops,
    ParameterInterval Loss,
    ParameterInterval Score,
    IReadOnlyList<TaskObservation> HeldOut,
    int Resamples)
{
    /// <summary>The fitted task-loss law.</summary>
    public KaplanPowerLaw LossLaw => (KaplanPowerLaw)LossFit.Law;

    /// <summary>Mean observed score of the held-out models, or null.</summary>
    public double? ObservedScore => HeldOut.Count == 0 ? null : HeldOut.Average(h => h.Score);

    /// <summary>Mean observed task loss of the held-out models, or null.</summary>
    public double? ObservedLoss => HeldOut.Count == 0 || HeldOut.Any(h => h.Loss is null) ? null : HeldOut.Average(h => h.Loss!.Value);
}
