using ScaleSim.Tasks.Curves;

namespace ScaleSim.Tasks.Classification;

/// <summary>
/// Classifies a selected fit as smooth, emergent, inverse, U-shaped or flat. The rules, in order, on the fitted curve
/// f over the observed scales x₁ … xₙ (log10), with margin m (docs/methods.md, "Task curves"):
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
        double x1 = data.XMin, xn = data.XMax;
        var xs = Enumerable.Range(0, Grid + 1).Select(i => x1 + (xn - x1) * i / Grid).ToArray();
        var f = fit.Predict(xs);
        double first = f[0], last = f[^1];
        int argMin = Array.IndexOf(f, f.Min());
        double range = f.Max() - f.Min(), fall = first - f[argMin], rise = last - f[argMin];

        double baseline = data.Floor ?? first;
        double noise = Noise(fit, Math.Clamp(baseline, 0, 1), overdispersion);
        double margin = rules.Margin ?? Math.Max(rules.RelativeMargin * (1 - (data.Floor ?? 0)), rules.NoiseMultiple * noise);
        double? threshold = ThresholdOf(fit, baseline + margin, rules.ThresholdSearchDecades);

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
            bool emergent = CurveForms.HasKnee(fit.Form) && first < baseline + margin && threshold is { } t && t <= xn
                && data.X.Count(x => x < t) >= rules.PointsBeforeThreshold;
            cls = emergent ? CurveClass.Emergent : CurveClass.Smooth;
        }
        return new CurveClassification(cls, margin, noise, baseline, threshold is { } th ? data.ToScale(th) : null, turning,
            last - first, range, fall, rise);
    }

    /// <summary>
    /// The first x (log10 scale) in [x₁ − d, xₙ + d] at which the fitted curve reaches <paramref name="level"/>,
    /// refined by bisection; null if it never does.
    /// </summary>
    public static double? ThresholdOf(CurveFit fit, double level, double searchDecades = 1)
    {
        double lo = fit.Data.XMin - searchDecades, hi = fit.Data.XMax + searchDecades;
        int steps = (int)Math.Ceiling((hi - lo) / 0.005);
        var xs = Enumerable.Range(0, steps + 1).Select(i => lo + (hi - lo) * i / steps).ToArray();
        var f = fit.Predict(xs);
        if (f[0] >= level) return xs[0];
        for (int i = 1; i < xs.Length; i++)
        {
            if (f[i] < level) continue;
            double a = xs[i - 1], b = xs[i];
            for (int k = 0; k < 40; k++)
            {
                double mid = (a + b) / 2;
                if (fit.Predict(mid) >= level) b = mid; else a = mid;
            }
            return b;
        }
        return null;
    }

    /// <summary>
    /// σ of the score at one scale: with the examples known, the binomial variance at the baseline for the median
    /// number of examples, inflated by ĉ, plus the median scatter between the scores of one scale (seeds); otherwise the
    /// residual standard deviation of the fit. Divided by √k when each scale has k scores, since the curve's level at a
    /// scale is then their mean.
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
        }
        return sigma / Math.Sqrt(data.MedianReplicates());
    }
}
