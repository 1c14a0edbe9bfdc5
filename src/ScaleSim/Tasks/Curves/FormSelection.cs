namespace ScaleSim.Tasks.Curves;

/// <summary>
/// Fits candidate forms to a curve and selects one: by an information criterion (the simplest form within the minimum
/// improvement of the lowest) or by leave-the-largest-out extrapolation error (the form that, fitted without the
/// largest scale, predicts it best). The criterion is AICc where its small-sample correction stays within what the
/// data can bear for every candidate, and BIC over the forms that leave at least three residual degrees of freedom
/// where it does not (<see cref="SelectionRule.Auto"/>): with eight to fifteen scales and unknown noise, AICc's term
/// 2k'(k' + 1)/(n − k' − 1) outweighs any gain in fit and a constant beats a curve that moves thirty times its noise.
/// </summary>
public static class FormSelection
{
    /// <summary>Fits every form of <paramref name="forms"/> that the curve has enough points for, and selects one.</summary>
    public static CurveSelection Select(CurvePoints data, IReadOnlyList<ICurveForm> forms, SelectionOptions? options = null, string source = "data")
    {
        options ??= new SelectionOptions();
        var criterion = Criterion(options.Rule, forms, data);
        var fits = new List<CurveFit>();
        int simplest = forms.Min(f => f.ParameterCount);
        foreach (var form in forms.OrderBy(f => f.ParameterCount))
        {
            // Among several forms, one the criterion cannot select is not fitted (the simplest always can); a form asked
            // for alone is fitted anyway.
            bool admissible = forms.Count == 1 || form.ParameterCount == simplest || Admissible(form, data, criterion, options);
            if (data.Count < form.ParameterCount + 1 || !admissible) continue;
            fits.Add(CurveFitter.Fit(form, data, options.Fit, NestedStarts(form, fits, data), source));
        }
        if (fits.Count == 0)
        {
            var smallest = forms.MinBy(f => f.ParameterCount)!;
            throw new InputException($"{source}: {data.Count} points, too few for form {smallest.Name} ({smallest.ParameterCount} parameters need at least {smallest.ParameterCount + 1})");
        }

        double overdispersion = InformationCriterion.Overdispersion(fits);
        var candidates = fits.Select(f => new FormCandidate(f, InformationCriterion.Aicc(f, overdispersion),
            options.Extrapolation ? ExtrapolationError(f, data, options.Fit, source) : null,
            InformationCriterion.Bic(f, overdispersion))).ToList();
        if (criterion == SelectionRule.Extrapolation && candidates.Any(c => c.ExtrapolationError.HasValue))
        {
            var best = candidates.Where(c => c.ExtrapolationError.HasValue).OrderBy(c => c.ExtrapolationError!.Value).ThenBy(c => c.Form.ParameterCount).First();
            return new CurveSelection(candidates, best, options.Rule, overdispersion, SelectionRule.Extrapolation);
        }
        if (criterion == SelectionRule.Extrapolation) criterion = SelectionRule.Aicc;
        var chosen = Simplest(candidates, criterion == SelectionRule.Bic ? c => c.Bic : c => c.Aicc, options.MinimumImprovement);
        return new CurveSelection(candidates, chosen, options.Rule, overdispersion, criterion);
    }

    /// <summary>
    /// The criterion a rule uses on this curve: <see cref="SelectionRule.Auto"/> is AICc when every candidate has
    /// n ≥ 2k' + 2 (<see cref="InformationCriterion.AiccCorrectionBearable"/>), BIC otherwise.
    /// </summary>
    public static SelectionRule Criterion(SelectionRule rule, IReadOnlyList<ICurveForm> forms, CurvePoints data) =>
        rule != SelectionRule.Auto ? rule
        : forms.All(f => InformationCriterion.AiccCorrectionBearable(f, data)) ? SelectionRule.Aicc
        : SelectionRule.Bic;

    // Under BIC a form must leave BicResidualDegrees degrees of freedom (Schwarz's criterion has no small-sample term
    // of its own); under AICc and extrapolation it must have a finite AICc, as before.
    private static bool Admissible(ICurveForm form, CurvePoints data, SelectionRule criterion, SelectionOptions options) =>
        criterion == SelectionRule.Bic
            ? form.ParameterCount <= data.Count - options.BicResidualDegrees
            : data.Count - InformationCriterion.CountedParameters(form, data) - 1 > 0;

    private static FormCandidate Simplest(IReadOnlyList<FormCandidate> candidates, Func<FormCandidate, double> value, double minimumImprovement)
    {
        var finite = candidates.Where(c => double.IsFinite(value(c))).ToList();
        if (finite.Count == 0) return candidates[0];
        double best = finite.Min(value);
        // A richer form must beat every simpler one by the minimum improvement: take the simplest within it of the best.
        return finite.Where(c => value(c) <= best + minimumImprovement).OrderBy(c => c.Form.ParameterCount).ThenBy(value).First();
    }

    /// <summary>Leave-the-largest-out: refit without the points at the largest scale and return the mean |error| there.</summary>
    public static double? ExtrapolationError(CurveFit fit, CurvePoints data, CurveFitOptions options, string source)
    {
        double largest = data.XMax;
        var kept = Enumerable.Range(0, data.Count).Where(i => data.X[i] < largest).ToList();
        var left = Enumerable.Range(0, data.Count).Where(i => data.X[i] >= largest).ToList();
        if (kept.Count < fit.Form.ParameterCount + 1) return null;
        var subset = data.Subset(kept);
        var refit = CurveFitter.Fit(fit.Form, subset, options, source: source);
        return left.Average(i => Math.Abs(refit.Predict(data.X[i]) - data.Y[i]));
    }

    private static IEnumerable<double[]> NestedStarts(ICurveForm form, List<CurveFit> fitted, CurvePoints data)
    {
        if (form is BrokenPowerLawForm { Breaks: 2 } && fitted.FirstOrDefault(f => f.Form is BrokenPowerLawForm { Breaks: 1 }) is { } one)
            return [BrokenPowerLawForm.ExtendOneBreak(one.Theta, data)];
        return [];
    }
}
