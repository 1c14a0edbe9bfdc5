using System.Globalization;
using ScaleSim.Tasks;
using ScaleSim.Tasks.Classification;
using ScaleSim.Training.Sweeps;
using ScaleSim.Training.Tasks;

namespace ScaleSim.Experiments.Reports;

/// <summary>
/// The memo trap's section of a task report: what each way of answering scores, the per-digit curve by size against
/// chance, its class and turning point, and every seed's curve fitted and classified on its own, which is how the
/// report judges whether a U is reproduced across seeds rather than made by averaging them.
/// </summary>
internal static class MemoTrapSection
{
    // Two binomial standard errors: a size counts as below (above) chance when its score is that far from 0.5. Bits of
    // one answer are not independent draws, so this is a loose yardstick, not a test.
    private const double Errors = 2;

    public static void Write(Markdown md, MemoTrapTask task, TaskSweepSimulationResult result)
    {
        var pooled = result.Curve(task.Name, SweepTables.PerDigitMetric);
        var points = MeasuredArtifactPoint.Of(result.Runs, task.Name);
        int tokensPerRun = result.Runs.Select(r => r.Summary.Tasks![task.Name].Examples).Max() * task.AnswerLength;
        var sizes = points.GroupBy(p => p.Params).OrderBy(g => g.Key).Select(g => (N: g.Key, Mean: g.Average(p => p.PerDigit), Runs: g.Count())).ToList();
        string Side((double N, double Mean, int Runs) s)
        {
            double se = Math.Sqrt(task.Chance * (1 - task.Chance) / (tokensPerRun * s.Runs));
            return s.Mean < task.Chance - Errors * se ? "below" : s.Mean > task.Chance + Errors * se ? "above" : "at";
        }

        md.Heading(2, "The memo trap: a U-shape?");
        string transform = task.Base == 2 ? "flips it" : $"adds one to every digit (mod {task.Base})";
        md.Paragraph($"Training recalls a key's value after C (probability {F(task.Prior, 2)}) and {transform} after F; only F prompts of keys whose F prompt " +
            $"never trains are scored ({tokensPerRun / task.AnswerLength} keys, {tokensPerRun} answer digits per run). A model that has not memorised the table " +
            $"guesses ({F(task.Chance, 2)} per digit), one that answers the memorised value scores 0, one that {transform} 1. Per-digit accuracy by size " +
            $"(mean over seeds; below/above: more than {Errors} binomial standard errors from chance, a loose yardstick since the bits of one answer are not independent):");
        md.Table(["params", "runs", "per-digit", "against chance"], sizes.Select(s => (IReadOnlyList<string>)[I((long)s.N), I(s.Runs), F(s.Mean, 3), Side(s)]));
        md.Paragraph(Shape(pooled, "The seed-pooled per-digit curve"));

        var seeds = result.Runs.GroupBy(r => r.Run.Seed).OrderBy(g => g.Key).ToList();
        if (seeds.Count < 2) return;
        var single = new TaskCurveOptions { Bootstrap = 0 };
        var rows = seeds.Select(g =>
        {
            var models = g.Select(r => r.Run.Id).ToHashSet(StringComparer.Ordinal);
            var curve = new TaskCurve(pooled.Curve.Source, pooled.Curve.ScaleKind, pooled.Curve.Points.Where(p => models.Contains(p.Model)));
            var fit = TaskCurveAnalysis.Analyze(curve, single);
            var own = curve.Points.Select(p => (p.Scale, p.Score)).ToList();
            var lowest = own.MinBy(p => p.Score);
            return (Seed: g.Key, Fit: fit, Lowest: lowest, Largest: own[^1].Score);
        }).ToList();
        md.Paragraph("Each seed's curve on its own (the same fit and classification, without a bootstrap): a U reproduced across seeds is one every seed's " +
            "curve is classed u-shaped by, turning inside the data.");
        md.Table(["seed", "lowest per-digit (at N)", "largest model", "class", "turning point N"], rows.Select(r => (IReadOnlyList<string>)
            [I((long)r.Seed), $"{F(r.Lowest.Score, 3)} ({I((long)r.Lowest.Scale)})", F(r.Largest, 3), r.Fit.Class.Name(),
             r.Fit.Classification.TurningPoint is { } t ? t.ToString("0.00e+0", CultureInfo.InvariantCulture) : "—"]));
        int shaped = rows.Count(r => r.Fit.Class == CurveClass.UShaped);
        md.Paragraph($"{shaped} of {rows.Count} seeds' curves are classed u-shaped.");
    }

    private static string Shape(TaskCurveResult r, string what)
    {
        var c = r.Classification;
        if (r.Class == CurveClass.UShaped)
        {
            string interval = r.TurningPointInterval is { } i ? $", 95% interval [{Bound(i.Low)}, {Bound(i.High)}]" : "";
            var scales = r.Curve.Points.Select(p => p.Scale).ToList();
            bool inside = r.TurningPointInterval is { } j && double.IsFinite(j.Low) && double.IsFinite(j.High) && j.Low >= scales.Min() && j.High <= scales.Max();
            return $"{what} is classed **u-shaped**: it falls by {F(c.Fall, 3)} and rises by {F(c.Rise, 3)} (margin {F(c.Margin, 3)}), turning at N ≈ " +
                $"{Bound(c.TurningPoint!.Value)}{interval}; the interval {(inside ? "lies inside" : "does not lie inside")} the sizes trained.";
        }
        return $"{what} is classed **{r.Class.Name()}** ({r.Fit.Form.Name} fit; fall {F(c.Fall, 3)}, rise {F(c.Rise, 3)}, margin {F(c.Margin, 3)}), not u-shaped.";

        static string Bound(double v) => double.IsFinite(v) ? v.ToString("0.00e+0", CultureInfo.InvariantCulture) : (v > 0 ? "beyond" : "below");
    }

    private static string I(long v) => v.ToString(CultureInfo.InvariantCulture);

    private static string F(double value, int decimals) => value.ToString("F" + decimals, CultureInfo.InvariantCulture);
}
