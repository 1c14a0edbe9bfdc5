using ScaleSim.Fitting;
using ScaleSim.Laws;
using ScaleSim.Tasks.Curves;

namespace ScaleSim.Tasks.Prediction;

/// <summary>
/// The two-step forecast of the Llama 3 report (Dubey et al. 2024, §3.2.1): first fit the task's negative
/// log-likelihood against training compute, then the task score against that loss with a sigmoid, and chain the two
/// to predict the score at a larger budget. Step 1 is Kaplan et al.'s L(C) with an irreducible term, fitted as
/// ScaleSim fits loss laws (Huber on log loss, multi-start L-BFGS); step 2 is the sigmoid curve form with the
/// chance level as its floor. Intervals come from bootstrapping both steps independently and pairing the resamples.
/// </summary>
public static class TwoStepPredictor
{
    /// <summary>
    /// Forecasts the score at <paramref name="targetFlops"/>; with <paramref name="holdOutLargest"/> the models at the
    /// largest compute are left out of both fits and the forecast is for their compute, so it can be checked.
    /// </summary>
    public static TwoStepPrediction Predict(TaskCurve curve, double? targetFlops, bool holdOutLargest, int resamples = 200, int seed = 0)
    {
        string source = $"{curve.Source}: task '{curve.Task}', metric '{curve.Metric}'";
        if (curve.ScaleKind != ScaleVariable.Flops)
            throw InputException.About($"{source}: two-step prediction needs training FLOPs as the scale (the table's scale is {TaskColumns.Name(curve.ScaleKind)}); give {InputName.Of("scale")} flops");
        if (curve.Points.FirstOrDefault(p => p.Loss is null) is { } missing)
            throw new InputException($"{curve.Source} line {missing.Line}: model '{missing.Model}' has no task loss; two-step prediction needs a loss column for every model of task '{curve.Task}'");
        if (holdOutLargest == targetFlops.HasValue)
            throw InputException.About($"give either {InputName.Of("target_flops")} C or {InputName.Of("holdout_largest")}");
        if (targetFlops is { } t && !(t > 0 && double.IsFinite(t)))
            throw InputException.About($"{InputName.Of("target_flops")} must be a positive finite number, got {t}");
        if (resamples < 2) throw InputException.About($"{InputName.Of("resamples")} must be at least 2, got {resamples}");

        double largest = curve.Scales.Max();
        var heldOut = holdOutLargest ? curve.Points.Where(p => p.Scale == largest).ToList() : [];
        var used = holdOutLargest ? new TaskCurve(curve.Source, curve.ScaleKind, curve.Points.Where(p => p.Scale < largest)) : curve;
        if (used.Count < 4) throw new InputException($"{source}: {used.Count} models to fit on; two-step prediction needs at least 4");
        double target = targetFlops ?? largest;

        // Step 1 (Dubey et al. 2024, §3.2.1): task NLL against training FLOPs; here L(C) = E + (C_c/C)^α (Kaplan et al. 2020, Eq. 1.3).
        var lossModel = new KaplanPowerModel(ScaleVariable.Flops, withIrreducible: true);
        var lossData = FitData.FromValues(null, null, used.Scales, used.Points.Select(p => p.Loss!.Value).ToArray());
        var lossFit = MultiStartFitter.Fit(lossModel, lossData, source: source);
        var lossBootstrap = BootstrapFit.Run(lossFit, lossData, resamples, seed);

        // Step 2 (Dubey et al. 2024, §3.2.1): score against task NLL, a sigmoid from chance.
        var scoreData = CurvePoints.Create(used.Points.Select(p => p.Loss!.Value).ToArray(), used.Scores, used.Examples, used.Chance, logScale: false);
        var scoreForm = new SigmoidForm(used.Chance, maxSlope: 200);
        var scoreFit = CurveFitter.Fit(scoreForm, scoreData, source: source);
        var scoreBootstrap = CurveBootstrap.Run(scoreFit, resamples, seed);

        var law = (KaplanPowerLaw)lossFit.Law;
        double loss = law.Loss(target), score = scoreFit.Predict(loss);
        var names = law.ParameterNames;
        var lossSamples = new double[resamples];
        var scoreSamples = new double[resamples];
        for (int i = 0; i < resamples; i++)
        {
            var resampled = new KaplanPowerLaw(ScaleVariable.Flops, lossBootstrap.Samples[names[1]][i], lossBootstrap.Samples[names[0]][i], lossBootstrap.Samples[names[2]][i]);
            lossSamples[i] = resampled.Loss(target);
            scoreSamples[i] = scoreBootstrap.Refits[i].Predict(lossSamples[i]);
        }
        return new TwoStepPrediction(used, lossFit, scoreFit, target,
            Percentiles.OrderStatisticInterval("loss", loss, lossSamples), Percentiles.OrderStatisticInterval("score", score, scoreSamples),
            heldOut, resamples);
    }
}
