namespace ScaleSim.Tasks.Curves;

/// <summary>
/// A curve as the fits see it: abscissa x (log10 of the scale for task curves; a plain number such as a task loss
/// otherwise), scores y, and a weight per point. With the number of examples known, the weights are inverse variances
/// (binomial, plus the scatter between the scores of one scale when it has several, such as seeds) and the noise level
/// is known; otherwise every weight is 1 and the noise level is estimated from the fit. A curve of losses
/// (<see cref="Direction"/> lower is better) is fitted in log space, on ln(1 + y), as Caballero et al. (2022) fit BNSL;
/// its weights are 1, since binomial variances do not describe a loss.
/// </summary>
/// <param name="X">Abscissa per point, ascending.</param>
/// <param name="Y">Score per point.</param>
/// <param name="Weights">Inverse variance per point (known noise), or 1 (unknown noise).</param>
/// <param name="KnownVariance">Whether <paramref name="Weights"/> are absolute inverse variances.</param>
/// <param name="Origin">The x the fits centre on (kept fixed across resamples and subsets, so parameters stay comparable).</param>
/// <param name="LogScale">Whether x is log10 of a scale (then positions are reported as scales, 10^x).</param>
/// <param name="Floor">The chance level, when known: the sigmoid's fixed floor.</param>
/// <param name="Examples">Examples behind each score, when known (for binomial resampling).</param>
public sealed record CurvePoints(
    double[] X,
    double[] Y,
    double[] Weights,
    bool KnownVariance,
    double Origin,
    bool LogScale,
    double? Floor,
    int[]? Examples)
{
    /// <summary>Number of points.</summary>
    public int Count => Y.Length;

    /// <summary>Whether y is a score (higher is better) or a loss (lower is better).</summary>
    public MetricDirection Direction { get; init; } = MetricDirection.HigherIsBetter;

    /// <summary>Whether the fits compare ln(1 + y) rather than y (losses: Caballero et al.'s mean squared log error).</summary>
    public bool LogResponse => Direction == MetricDirection.LowerIsBetter;

    /// <summary>+1 when higher is better, −1 when lower is: multiplied into y it gives a measure that rises with skill.</summary>
    public int Sign => Direction == MetricDirection.LowerIsBetter ? -1 : 1;

    /// <summary>A value as the fit compares it: y, or ln(1 + y) for a loss (NaN where 1 + y ≤ 0).</summary>
    public double Response(double y) => LogResponse ? (y > -1 ? Math.Log(1 + y) : double.NaN) : y;

    /// <summary>The inverse of <see cref="Response"/>.</summary>
    public double FromResponse(double response) => LogResponse ? Math.Exp(response) - 1 : response;

    /// <summary>
    /// Per point, the sample variance of the scores that share its x (0 where an x has one score): the scatter between
    /// seeds of one size, which binomial noise does not cover.
    /// </summary>
    public double[] ScatterVariance { get; init; } = new double[Y.Length];

    /// <summary>The indices of the points at each distinct x, in ascending x.</summary>
    public IReadOnlyList<int[]> ScaleGroups() =>
        Enumerable.Range(0, Count).GroupBy(i => X[i]).OrderBy(g => g.Key).Select(g => g.ToArray()).ToList();

    /// <summary>The median number of points per distinct x.</summary>
    public int MedianReplicates()
    {
        var sizes = ScaleGroups().Select(g => g.Length).Order().ToList();
        return sizes[sizes.Count / 2];
    }

    /// <summary>The smallest x.</summary>
    public double XMin => X.Min();

    /// <summary>The largest x.</summary>
    public double XMax => X.Max();

    /// <summary>The curve of a task's scores against log10 of its scales.</summary>
    public static CurvePoints FromTaskCurve(TaskCurve curve) =>
        Create(curve.Scales.Select(Math.Log10).ToArray(), curve.Scores, curve.Examples, curve.Chance, logScale: true, direction: curve.Direction);

    /// <summary>
    /// Builds curve data; the weights are inverse variances p̃(1 − p̃)/n + s², binomial with the Jeffreys-adjusted
    /// p̃ = (y·n + 1/2)/(n + 1), so that a score of exactly 0 or 1 keeps a finite weight, plus s², the sample variance
    /// of the scores at the same x (0 when there is one). Without s², a few seeds that scored exactly 1 would outweigh
    /// the other seeds of their size thousands of times over. A loss curve ignores <paramref name="examples"/>: its
    /// weights are 1 and its noise is estimated from the fit.
    /// </summary>
    public static CurvePoints Create(double[] x, double[] y, int[]? examples, double? floor, bool logScale, double? origin = null,
        MetricDirection direction = MetricDirection.HigherIsBetter)
    {
        if (direction == MetricDirection.LowerIsBetter) examples = null;
        if (x.Length != y.Length || (examples is not null && examples.Length != y.Length))
            throw new ArgumentException("x, y and examples must have the same length");
        var scatter = new double[y.Length];
        foreach (var group in Enumerable.Range(0, y.Length).GroupBy(i => x[i]).Where(g => g.Count() > 1))
        {
            double mean = group.Average(i => y[i]);
            double variance = group.Sum(i => (y[i] - mean) * (y[i] - mean)) / (group.Count() - 1);
            foreach (int i in group) scatter[i] = variance;
        }
        var weights = new double[y.Length];
        for (int i = 0; i < y.Length; i++)
        {
            if (examples is null) { weights[i] = 1; continue; }
            double n = examples[i], p = (y[i] * n + 0.5) / (n + 1);
            // n / (p(1 − p)) is 1 / (p(1 − p)/n) written so that a scale with one score keeps bit-identical weights:
            // some multi-start fits pick a different optimum after a one-ulp change.
            weights[i] = scatter[i] == 0 ? n / (p * (1 - p)) : 1 / (p * (1 - p) / n + scatter[i]);
        }
        return new CurvePoints(x, y, weights, examples is not null, origin ?? (x.Min() + x.Max()) / 2, logScale, floor, examples)
        {
            ScatterVariance = scatter,
            Direction = direction,
        };
    }

    /// <summary>The same points with other scores (a bootstrap resample); weights stay those of the original scores.</summary>
    public CurvePoints WithScores(double[] y) => this with { Y = y };

    /// <summary>The points at the given indices, with the same origin.</summary>
    public CurvePoints Subset(IReadOnlyList<int> rows) => this with
    {
        X = rows.Select(r => X[r]).ToArray(),
        Y = rows.Select(r => Y[r]).ToArray(),
        Weights = rows.Select(r => Weights[r]).ToArray(),
        ScatterVariance = rows.Select(r => ScatterVariance[r]).ToArray(),
        Examples = Examples is null ? null : rows.Select(r => Examples[r]).ToArray(),
    };

    /// <summary>x as the scale it stands for (10^x on a log scale), for reporting positions.</summary>
    public double ToScale(double x) => LogScale ? Math.Pow(10, x) : x;
}
