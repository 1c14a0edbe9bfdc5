namespace ScaleSim.Analysis;

/// <summary>One run's loss as training went on: what Approach 1 reads.</summary>
/// <param name="Run">The run's name.</param>
/// <param name="Params">Its parameter count N (in whichever convention the analysis uses).</param>
/// <param name="Tokens">Tokens seen at each evaluation, increasing.</param>
/// <param name="Flops">Compute spent at each evaluation, increasing.</param>
/// <param name="Loss">The (validation) loss at each evaluation.</param>
public sealed record TrainingCurve(string Run, double Params, double[] Tokens, double[] Flops, double[] Loss)
{
    /// <summary>
    /// A curve from its evaluations in any order: sorted by compute, which is C = 6·N·D (Kaplan et al. 2020, §2.1) of
    /// the curve's N when <paramref name="points"/> give none.
    /// </summary>
    public static TrainingCurve FromPoints(string run, IEnumerable<(double Params, double Tokens, double? Flops, double Loss)> points)
    {
        var sorted = points.Select(p => (p.Params, p.Tokens, Flops: p.Flops ?? 6 * p.Params * p.Tokens, p.Loss)).OrderBy(p => p.Flops).ToList();
        if (sorted.Count == 0) throw new ArgumentException("a training curve needs at least one point", nameof(points));
        return new TrainingCurve(run, sorted[0].Params, sorted.Select(p => p.Tokens).ToArray(), sorted.Select(p => p.Flops).ToArray(), sorted.Select(p => p.Loss).ToArray());
    }

    /// <summary>
    /// The loss at compute <paramref name="flops"/>, interpolating linearly in log compute between evaluations, or NaN
    /// outside the curve.
    /// </summary>
    public double LossAt(double flops) => Interpolate(Loss, flops);

    /// <summary>The tokens seen at compute <paramref name="flops"/> (interpolated like <see cref="LossAt"/>).</summary>
    public double TokensAt(double flops) => Interpolate(Tokens, flops);

    /// <summary>The compute at the end of the run.</summary>
    public double FinalFlops => Flops[^1];

    private double Interpolate(double[] values, double flops)
    {
        if (Flops.Length == 0 || flops < Flops[0] || flops > Flops[^1]) return double.NaN;
        int hi = Array.BinarySearch(Flops, flops);
        if (hi >= 0) return values[hi];
        hi = ~hi;
        int lo = hi - 1;
        double t = Math.Log(flops / Flops[lo]) / Math.Log(Flops[hi] / Flops[lo]);
        return values[lo] + t * (values[hi] - values[lo]);
    }
}
