using System.Diagnostics;
using ScaleSim.Training.Backends;

namespace ScaleSim.Training.Benchmarks;

/// <summary>
/// How many runs of a sweep should train at once on one device: for each K, K backends (one thread each, as
/// <see cref="Sweeps.SweepRunner"/> runs them) step the same shape together for a fixed time after a warm-up, and the
/// aggregate tokens/s is measured. Tiny models cannot fill a GPU one at a time; this says how many it takes.
/// </summary>
public static class ConcurrentTrainingBenchmark
{
    /// <summary>Runs the benchmark; nothing is printed.</summary>
    public static ConcurrentTrainingResult Run(ConcurrentTrainingOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var measurements = new List<ConcurrentRunsMeasurement>();
        string backendName = "";
        double? perRunBaseline = null;
        foreach (int runs in options.RunCounts)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (name, steps, seconds, slowest) = Measure(options, runs, cancellationToken);
            backendName = name;
            long tokensPerStep = (long)options.Batch * options.Model.Context;
            double tokensPerSecond = steps * tokensPerStep / seconds;
            perRunBaseline ??= tokensPerSecond / runs;
            measurements.Add(new ConcurrentRunsMeasurement(runs, tokensPerSecond, slowest * tokensPerStep, tokensPerSecond / perRunBaseline.Value, steps, seconds));
        }
        double best = measurements.Max(m => m.TokensPerSecond);
        int recommended = measurements.Where(m => m.TokensPerSecond >= 0.9 * best).Min(m => m.Runs);
        return new ConcurrentTrainingResult(backendName, options.Model, options.Batch, measurements, recommended);
    }

    /// <summary>K runs at once: the backend's name, timed steps in all, wall seconds, and the slowest run's steps per second.</summary>
    private static (string Backend, long Steps, double Seconds, double SlowestStepsPerSecond) Measure(ConcurrentTrainingOptions options, int runs, CancellationToken cancellationToken)
    {
        var loops = new BenchmarkSteps[runs];
        try
        {
            for (int r = 0; r < runs; r++)
                loops[r] = new BenchmarkSteps(TrainingBackends.Create(options.Device, options.Model, options.Batch, threads: 1), seed: (ulong)r);
            var steps = new long[runs];
            var finished = new double[runs];
            var failures = new Exception?[runs];
            using var ready = new Barrier(runs + 1);
            var clock = new Stopwatch();
            var threads = Enumerable.Range(0, runs).Select(r => new Thread(() =>
            {
                bool signalled = false;
                try
                {
                    var warm = Stopwatch.StartNew();
                    int warmed = 0;
                    while (warmed < 3 || warm.Elapsed.TotalSeconds < options.WarmupSeconds)
                    {
                        loops[r].Step();
                        warmed++;
                    }
                    ready.SignalAndWait(cancellationToken);
                    signalled = true;
                    while (clock.Elapsed.TotalSeconds < options.Seconds && !cancellationToken.IsCancellationRequested)
                    {
                        loops[r].Step();
                        steps[r]++;
                    }
                    finished[r] = clock.Elapsed.TotalSeconds;
                }
                catch (Exception e)
                {
                    failures[r] = e;
                    if (!signalled) ready.RemoveParticipant();
                }
            }) { IsBackground = true, Name = $"bench-run-{r}" }).ToArray();
            foreach (var thread in threads) thread.Start();
            // The clock starts once every run has warmed up, so all K step together for the whole timed window.
            ready.SignalAndWait(cancellationToken);
            clock.Start();
            foreach (var thread in threads) thread.Join();
            cancellationToken.ThrowIfCancellationRequested();
            if (failures.FirstOrDefault(f => f is not null) is { } failure)
                throw new InvalidOperationException($"a benchmark run failed: {failure.Message}", failure);
            double seconds = finished.Max();
            double slowest = Enumerable.Range(0, runs).Min(r => steps[r] / finished[r]);
            return (loops[0].Backend.Name, steps.Sum(), seconds, slowest);
        }
        finally
        {
            foreach (var loop in loops) loop?.Dispose();
        }
    }
}
