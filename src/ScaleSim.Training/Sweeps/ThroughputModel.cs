using ScaleSim.Training.Benchmarks;

namespace ScaleSim.Training.Sweeps;

/// <summary>
/// Single-core training speed measured on a few of a plan's shapes and interpolated in log N for the rest, to estimate
/// each run's wall time on this machine.
/// </summary>
public sealed class ThroughputModel
{
    private readonly (double LogParams, double LogTokensPerSecond)[] _points;

    private ThroughputModel((double, double)[] points) => _points = points;

    /// <summary>Times the smallest, a middle and the largest shape of the plan for about <paramref name="secondsPerShape"/> each.</summary>
    public static ThroughputModel Measure(SweepPlan plan, double secondsPerShape = 0.5)
    {
        var shapes = plan.Runs.Select(r => (r.Model, r.Batch)).DistinctBy(s => s.Model.DModel).OrderBy(s => s.Model.Parameters).ToList();
        var picked = new[] { shapes[0], shapes[shapes.Count / 2], shapes[^1] }.DistinctBy(s => s.Model.DModel);
        var points = picked.Select(s =>
        {
            var result = TrainingBenchmark.Run(new TrainingBenchmarkOptions(s.Model, s.Batch, Threads: 1,
                WarmupSeconds: secondsPerShape / 2, WarmupSteps: 3, Seconds: secondsPerShape / 2, MinSteps: 3));
            return (Math.Log(s.Model.Parameters), Math.Log(result.TokensPerSecond));
        }).ToArray();
        return new ThroughputModel(points);
    }

    /// <summary>Estimated single-core tokens per second for a run.</summary>
    public double TokensPerSecond(PlannedRun run)
    {
        double x = Math.Log(run.Model.Parameters);
        if (_points.Length == 1) return Math.Exp(_points[0].LogTokensPerSecond);
        int hi = Math.Clamp(Array.FindIndex(_points, p => p.LogParams >= x), 1, _points.Length - 1);
        var (x0, y0) = _points[hi - 1];
        var (x1, y1) = _points[hi];
        return Math.Exp(y0 + (y1 - y0) * (x - x0) / (x1 - x0));
    }

    /// <summary>The plan with each run's estimated seconds filled in.</summary>
    public SweepPlan Annotate(SweepPlan plan) =>
        plan with { Runs = plan.Runs.Select(r => r with { EstimatedSeconds = r.OwnTokens / TokensPerSecond(r) }).ToList() };
}
