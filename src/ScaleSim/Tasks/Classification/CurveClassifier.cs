using ScaleSim.Tasks.Curves;

namespace ScaleSim.Tasks.Classification;

/// <summary>
/// Classifies a selected fit as smooth, emergent, inverse, U-shaped or flat. The rules, in order, on the fitted curve
/// f over the observed scales x₁ … xₙ (log10), with margin m (docs/methods.md, "Task curves"), read f as performance:
/// the score itself, or minus the loss for a loss curve (a falling loss is smooth, a sharp drop emergent, a rising loss
/// inverse, a loss that rises and falls again U-shaped):
/// <list type="number">
/// <item>flat: the constant form was selected, or max f − min f &lt; m;</item>
/// <item>U-shaped: f falls by ≥ m from x₁ to its minimum and rises by ≥ m from there to xₙ;</item>
/// <item>inverse: f(xₙ) &lt; f(x₁);</item>
/// <item>emergent: a form with a knee (sigmoid, BNSL) was selected, f(x₁) &lt; baseline + m, f first clears
/// baseline + m at a threshold within the data, and at least two observed scales lie below it;</item>
/// <item>smooth: otherwise.</item>
/// </list>
/// </summary>
public static class CurveClassifier
{
    private const int Grid = 400;

    /// <summary>Classifies <paramref name="fit"/>, the form selected for its data.</summary>
    public static CurveClassification Classify(CurveFit fit, double overdispersion = 1, ClassificationRules? rules = null)
    {
        rules ??= new ClassificationRules();
        var data = fit.Data;
        int sign = data.Sign;
        double x1 = data.XMin, xn = data.XMax;
        var xs = Enumerable.Range(0, Grid + 1).Select(i => x1 + (xn - x1) * i / Grid).ToArray();
        var values = fit.Predict(xs);
        // Performance: the score, or minus the loss, so that one set of rules reads both.
        var f = values.Select(v => sign * v).ToArray();
        double first = f[0], last = f[^1];
        int argMin = Array.IndexOf(f, f.Min());
        double range = f.Max() - f.Min(), fall = first - f[argMin], rise = last - f[argMin];

        double baseline = data.Floor ?? values[0];
        double noise = Noise(fit, data.LogResponse ? baseline : Math.Clamp(baseline, 0, 1), overdispersion);
        double relative = data.LogResponse ? rules.RelativeLossMargin * Math.Abs(baseline) : rules.RelativeMargin * (1 - (data.Floor ?? 0));
        double margin = rules.Margin ?? Math.Max(relative, rules.NoiseMultiple * noise);
        double? threshold = ThresholdOf(fit, baseline + sign * margin, rules.ThresholdSearchDecades);

        CurveClass cls;
        double? turning = null;
        if (fit.Form is ConstantForm || range < margin) cls = CurveClass.Flat;
        else if (fall >= margin && rise >= margin)
        {
            cls = CurveClass.UShaped;
            turning = data.ToScale(xs[argMin]);
        }
        else if (last < first) cls = CurveClass.Inverse;
        else
        {
            bool emergent = CurveForms.HasKnee(fit.Form) && first < sign * baseline + margin && threshold is { } t && t <= xn
                && data.X.Count(x => x < t) >= rules.PointsBeforeThreshold;
            cls = emergent ? CurveClass.Emergent : CurveClass.Smooth;
        }
        return new CurveClassification(cls, margin, noise, baseline, threshold is { } th ? data.ToScale(th) : null, turning,
            values[^1] - values[0], range, fall, rise);
    }

    /// <summary>
    /// The first x (log10 scale) in [x₁ − d, xₙ + d] at which the fitted curve reaches <paramref name="level"/> — rises
    /// to it for a score, falls to it for a loss — refined by bisection; null if it never does.
    /// </summary>
    public static double? ThresholdOf(CurveFit fit, double level, double searchDecades = 1)
    {
        int sign = fit.Data.Sign;
        double lo = fit.Data.XMin - searchDecades, hi = fit.Data.XMax + searchDecades;
        int steps = (int)Math.Ceiling((hi - lo) / 0.005);
        var xs = Enumerable.Range(0, steps + 1).Select(i => lo + (hi - lo) * i / steps).ToArray();
        var f = fit.Predict(xs);
        if (sign * f[0] >= sign * level) return xs[0];
        for (int i = 1; i < xs.Length; i++)
        {
            if (sign * f[i] < sign * level) continue;
            double a = xs[i - 1], b = xs[i];
            for (int k = 0; k < 40; k++)
            {
                double mid = (a + b) / 2;
                if (sign * fit.Predict(mid) >= sign * level) b = mid; else a = mid;
            }
            return b;
        }
        return null;
    }

    /// <summary>
    /// σ of the score at one scale: with the examples known, the binomial variance at the baseline for the median
    /// number of examples, inflated by ĉ, plus the median scatter between the scores of one scale (seeds); otherwise the
    /// residual standard deviation of the fit (for a loss, fitted in log space, that times 1 + baseline: the noise of
    /// ln(1 + y) carried back to y). Divided by √k when each scale has k scores, since the curve's level at a scale is
    /// then their mean.
    /// </summary>
    private static double Noise(CurveFit fit, double baseline, double overdispersion)
    {
        var data = fit.Data;
        var groups = data.ScaleGroups();
        double sigma;
        if (data.Examples is { } examples)
        {
            double n = examples.Order().ElementAt(examples.Length / 2);
            double scatter = groups.Select(g => data.ScatterVariance[g[0]]).Order().ElementAt(groups.Count / 2);
            sigma = Math.Sqrt(baseline * (1 - baseline) / n * overdispersion + scatter);
        }
        else
        {
            int dof = data.Count - fit.Form.ParameterCount;
            sigma = dof > 0 ? Math.Sqrt(fit.ChiSquare / dof) : 0;
            // d(ln(1 + y)) = dy/(1 + y): a log-space residual of s is about s·(1 + y) in y
            if (data.LogResponse) sigma *= 1 + Math.Max(baseline, 0);
        }
        return sigma / Math.Sqrt(data.MedianReplicates());
    }
}
