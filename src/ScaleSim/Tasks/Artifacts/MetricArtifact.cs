using MathNet.Numerics.Distributions;
using ScaleSim.Laws;

namespace ScaleSim.Tasks.Artifacts;

/// <summary>
/// Schaeffer et al.'s (2023) metric argument, run: from per-token accuracy at each scale, predict exact match over L
/// tokens (p^L) and partial credit (p), sample both as an evaluation of n examples would (exact match as
/// Binomial(n, p^L)/n, partial credit as Binomial(n·L, p)/(n·L), the tokens right among n·L), and classify each curve.
/// A smooth rise of p reads as smooth under partial credit and, for long enough L, as emergent under exact match.
/// </summary>
public static class MetricArtifact
{
    /// <summary>
    /// Schaeffer et al.'s (2023, §2) toy: per-token cross-entropy falling as a power law, loss(N) = (N/c)^(−α),
    /// at <paramref name="count"/> scales evenly spaced in log from <paramref name="from"/> to <paramref name="to"/>.
    /// </summary>
    public static IReadOnlyList<(string Model, double Scale, double TokenLoss)> PowerLawTokenLoss(double c, double alpha, double from, double to, int count)
    {
        if (!(c > 0) || !(alpha > 0) || !(from > 0) || !(to > from) || count < 2)
            throw new InputException($"the per-token loss law needs c > 0, alpha > 0, 0 < from < to and at least 2 scales (got c {c}, alpha {alpha}, from {from}, to {to}, {count} scales)");
        return Enumerable.Range(0, count).Select(i =>
        {
            double n = from * Math.Pow(to / from, i / (count - 1.0));
            // Schaeffer et al. 2023, §2: L_CE(N) = (N/c)^α with α < 0
            return ($"N = {n:0.##e+0}", n, Math.Pow(n / c, -alpha));
        }).ToList();
    }

    /// <summary>
    /// Predicts, samples and classifies both metrics. Each model gives a per-token accuracy, or a per-token loss from
    /// which p = exp(−loss).
    /// </summary>
    public static MetricArtifactResult Analyze(string source, ScaleVariable scaleKind,
        IReadOnlyList<(string Model, double Scale, double? TokenLoss, double? TokenAccuracy)> models,
        IReadOnlyList<int> lengths, int examples, int seed = 0, TaskCurveOptions? options = null)
    {
        if (lengths.Count == 0 || lengths.Any(l => l < 1)) throw InputException.About($"{InputName.Of("length")} must list whole numbers of at least 1, got {string.Join(",", lengths)}");
        if (examples < 1) throw InputException.About($"{InputName.Of("examples")} must be at least 1, got {examples}");
        if (models.Count < 3) throw new InputException($"{source}: {models.Count} models; the metric comparison needs at least 3 scales");
        options ??= new TaskCurveOptions { Bootstrap = 0 };
        var points = models.Select(m =>
        {
            double p = m.TokenAccuracy ?? TokenMetrics.TokenAccuracy(m.TokenLoss!.Value);
            return new ArtifactPoint(m.Model, m.Scale, m.TokenLoss, p, lengths.Select(l => TokenMetrics.ExactMatch(p, l)).ToList(), TokenMetrics.PartialCredit(p, lengths.Max()));
        }).ToList();

        var random = new Random(seed);
        int longest = lengths.Max();
        var partial = points.Select(p => new TaskObservation(p.Model, p.Scale, "per-token task", "partial_credit",
            Binomial.Sample(random, p.PartialCredit, examples * longest) / (double)(examples * longest), 0, examples * longest));
        var partialResult = TaskCurveAnalysis.Analyze(new TaskCurve(source, scaleKind, partial), options);
        var exact = lengths.Select((l, j) =>
        {
            var observations = points.Select(p => new TaskObservation(p.Model, p.Scale, "per-token task", $"exact_match_L{l}",
                Binomial.Sample(random, p.ExactMatch[j], examples) / (double)examples, 0, examples));
            return TaskCurveAnalysis.Analyze(new TaskCurve(source, scaleKind, observations), options);
        }).ToList();
        return new MetricArtifactResult(lengths, examples, points, partialResult, exact);
    }
}
