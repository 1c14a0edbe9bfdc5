using ScaleSim.Training.Backends;
using ScaleSim.Training.Model;

namespace ScaleSim.Training.Benchmarks;

/// <summary>What <see cref="ConcurrentTrainingBenchmark"/> times: one shape, trained by K runs at once for each K.</summary>
/// <param name="Model">The shape every run trains (a sweep's typical run).</param>
/// <param name="Batch">Sequences per step.</param>
/// <param name="Device">The device all runs share.</param>
/// <param name="RunCounts">The K to measure, e.g. 1, 2, 4, 8.</param>
/// <param name="WarmupSeconds">Untimed steps of each run first (kernel compilation, tiered JIT).</param>
/// <param name="Seconds">Timed seconds for each K.</param>
public sealed record ConcurrentTrainingOptions(
    TinyGpt Model,
    int Batch,
    TrainingDevice Device,
    IReadOnlyList<int> RunCounts,
    double WarmupSeconds = 1,
    double Seconds = 3)
{
    /// <summary>Throws <see cref="InputException"/> for counts or times that make no sense.</summary>
    public void Validate()
    {
        Model.Validate();
        if (Batch <= 0) throw InputException.About($"{InputName.Of("batch")} must be positive, got {Batch}");
        if (RunCounts.Count == 0) throw InputException.About($"{InputName.Of("runs")} names no run count");
        foreach (int k in RunCounts)
            if (k <= 0) throw InputException.About($"{InputName.Of("runs")} must be positive counts, got {k}");
        if (!(Seconds > 0) || !double.IsFinite(Seconds)) throw InputException.About($"{InputName.Of("seconds")} must be positive, got {Seconds}");
        if (!(WarmupSeconds >= 0) || !double.IsFinite(WarmupSeconds)) throw InputException.About($"{InputName.Of("warmup")} must be non-negative, got {WarmupSeconds}");
    }
}
