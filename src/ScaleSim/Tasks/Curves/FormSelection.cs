namespace ScaleSim.Tasks.Curves;

/// <summary>
/// Fits candidate forms to a curve and selects one: by AICc (the simplest form within the minimum improvement of the
/// lowest AICc) or by leave-the-largest-out extrapolation error (the form that, fitted without the largest scale,
/// predicts it best).
/// </summary>
public static class FormSelection
{
    /// <summary>Fits every form of <paramref name="forms"/> that the curve has enough points for, and selects one.</summary>
    public static CurveSelection Select(CurvePoints data, IReadOnlyList<ICurveForm> forms, SelectionOptions? options = null, string source = "data")
    {
        options ??= new SelectionOptions();
        var fits = new List<CurveFit>();
        foreach (var form in forms.OrderBy(f => f.ParameterCount))
        {
            // Among several forms, one without a finite AICc could never be selected; a form asked for alone is fitted anyway.
            if (data.Count < form.ParameterCount + 1 || (forms.Count > 1 && !HasFiniteAicc(form, data))) continue;
            fits.Add(CurveFitter.Fit(form, data, options.Fit, NestedStarts(form, fits, data), source));
        }
        if (fits.Count == 0)
        {
            var smallest = forms.MinBy(f => f.ParameterCount)!;
            throw new InputException($"{source}: {data.Count} points, too few for form {smallest.Name} ({smallest.ParameterCount} parameters need at least {smallest.ParameterCount + 1})");
        }

        double overdispersion = InformationCriterion.Overdispersion(fits);
        var candidates = fits.Select(f => new FormCandidate(f, InformationCriterion.Aicc(f, overdispersion),
            options.Extrapolation ? ExtrapolationError(f, data, options.Fit, source) : null)).ToList();
        var chosen = options.Rule == SelectionRule.Extrapolation && candidates.Any(c => c.ExtrapolationError.HasValue)
            ? candidates.Where(c => c.ExtrapolationError.HasValue).OrderBy(c => c.ExtrapolationError!.Value).ThenBy(c => c.Form.ParameterCount).First()
            : ByAicc(candidates, options.MinimumAiccImprovement);
        return new CurveSelection(candidates, chosen, options.Rule, overdispersion);
    }

    private static bool HasFiniteAicc(ICurveForm form, CurvePoints data) =>
        data.Count - form.ParameterCount - (data.KnownVariance ? 0 : 1) - 1 > 0;

    private static FormCandidate ByAicc(IReadOnlyList<FormCandidate> candidates, double minimumImprovement)
    {
        var finite = candidates.Where(c => double.IsFinite(c.Aicc)).ToList();
        if (finite.Count == 0) return candidates[0];
        double best = finite.Min(c => c.Aicc);
        // A richer form must beat every simpler one by the minimum improvement: take the simplest within it of the best.
        return finite.Where(c => c.Aicc <= best + minimumImprovement).OrderBy(c => c.Form.ParameterCount).ThenBy(c => c.Aicc).First();
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
