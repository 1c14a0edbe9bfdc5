namespace ScaleSim.Analysis;

/// <summary>
/// Hoffmann et al. (2022) Approach 1: at log-spaced compute values, the run whose (interpolated) training curve is lowest
/// gives the optimal N and D for that compute; power laws through those points give N_opt(C) and D_opt(C).
/// The intermediate points of one cosine run are not compute-optimal, which is why each size is trained at several
/// schedule horizons.
/// </summary>
public static class Approach1Envelope
{
    /// <summary>
    /// The envelope points at <paramref name="samples"/> compute values between the smallest and largest final compute,
    /// without the points won by the smallest or largest size.
    /// </summary>
    public static IReadOnlyList<FrontierPoint> Envelope(IReadOnlyList<TrainingCurve> curves, int samples = 1500)
    {
        if (curves.Count == 0) throw new InputException("Approach 1 needs at least one training curve");
        // Below the cheapest finished run, only the early, still-warming-up parts of curves exist.
        double lo = curves.Min(c => c.FinalFlops), hi = curves.Max(c => c.FinalFlops);
        // Where the smallest or largest size wins, the true optimum may lie beyond the sizes trained: such points would
        // flatten the fitted exponent, so they are left out.
        double smallest = curves.Min(c => c.Params), largest = curves.Max(c => c.Params);
        bool boundaryOnly = curves.Select(c => c.Params).Distinct().Count() < 3;
        var points = new List<FrontierPoint>();
        for (int i = 0; i < samples; i++)
        {
            double c = samples == 1 ? hi : lo * Math.Pow(hi / lo, i / (double)(samples - 1));
            TrainingCurve? best = null;
            double bestLoss = double.PositiveInfinity;
            foreach (var curve in curves)
            {
                double loss = curve.LossAt(c);
                if (loss < bestLoss) (best, bestLoss) = (curve, loss);
            }
            if (best is null) continue;
            if (!boundaryOnly && (best.Params == smallest || best.Params == largest)) continue;
            points.Add(new FrontierPoint(c, best.Params, best.TokensAt(c), bestLoss));
        }
        return points;
    }

    /// <summary>Power laws of N and D through the envelope.</summary>
    public static AllocationEstimate Fit(IReadOnlyList<TrainingCurve> curves, int samples = 1500) => Fit(Envelope(curves, samples));

    /// <summary>
    /// Without training curves, the envelope of final losses: the runs no cheaper run beats
    /// (<see cref="Fitting.ComputeEnvelope"/>). Coarser than curves, since each run contributes one point.
    /// </summary>
    public static AllocationEstimate FitFinalPoints(Runs.RunTable runs)
    {
        var c = runs.RequireFlops();
        var n = runs.RequireParams();
        var d = runs.RequireTokens();
        return Fit(Fitting.ComputeEnvelope.Indices(c, runs.Loss).Select(i => new FrontierPoint(c[i], n[i], d[i], runs.Loss[i])).ToList());
    }

    private static AllocationEstimate Fit(IReadOnlyList<FrontierPoint> points)
    {
        var flops = points.Select(p => p.Flops).ToArray();
        return new AllocationEstimate("1",
            PowerLaw.FitLogLog(flops, points.Select(p => p.Params).ToArray(), "Approach 1"),
            PowerLaw.FitLogLog(flops, points.Select(p => p.Tokens).ToArray(), "Approach 1"),
            points);
    }
}
