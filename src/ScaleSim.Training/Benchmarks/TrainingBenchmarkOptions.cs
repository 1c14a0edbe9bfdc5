using ScaleSim.Training.Backends;
using ScaleSim.Training.Model;

namespace ScaleSim.Training.Benchmarks;

/// <summary>What <see cref="TrainingBenchmark"/> times and for how long.</summary>
/// <param name="Model">The shape.</param>
/// <param name="Batch">Sequences per step.</param>
/// <param name="Device">Backend.</param>
/// <param name="Threads">CPU backend threads.</param>
/// <param name="WarmupSeconds">Untimed steps run at least this long (tiered JIT settles in about a second).</param>
/// <param name="WarmupSteps">And at least this many untimed steps.</param>
/// <param name="Seconds">Timed steps run at least this long.</param>
/// <param name="MinSteps">And at least this many timed steps.</param>
public sealed record TrainingBenchmarkOptions(
    TinyGpt Model,
    int Batch,
    TrainingDevice Device = TrainingDevice.Auto,
    int Threads = 1,
    double WarmupSeconds = 2,
    int WarmupSteps = 5,
    double Seconds = 3,
    int MinSteps = 10);
