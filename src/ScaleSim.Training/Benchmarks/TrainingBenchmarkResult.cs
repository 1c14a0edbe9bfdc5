using ScaleSim.Training.Backends;
using ScaleSim.Training.Model;

namespace ScaleSim.Training.Benchmarks;

/// <summary>Throughput of timed training steps.</summary>
/// <param name="Backend">Backend description.</param>
/// <param name="Device">The device it ran on (what <see cref="TrainingDevice.Auto"/> resolved to).</param>
/// <param name="Model">The shape.</param>
/// <param name="Batch">Sequences per step.</param>
/// <param name="Parameters">Total parameters.</param>
/// <param name="NonEmbeddingParameters">Parameters outside the embeddings.</param>
/// <param name="Steps">Timed steps.</param>
/// <param name="Seconds">Wall time of the timed steps.</param>
/// <param name="TokensPerSecond">Training tokens per second.</param>
/// <param name="StepMilliseconds">Wall time per step.</param>
/// <param name="GflopsPerSecond">Model FLOP/s (in GFLOP/s) under every FLOP model, by name.</param>
/// <param name="PeakWorkingSetBytes">The process's peak working set.</param>
/// <param name="DeviceBytes">Device memory the backend allocated (ILGPU backends; null on the CPU backend).</param>
public sealed record TrainingBenchmarkResult(
    string Backend,
    TrainingDevice Device,
    TinyGpt Model,
    int Batch,
    long Parameters,
    long NonEmbeddingParameters,
    int Steps,
    double Seconds,
    double TokensPerSecond,
    double StepMilliseconds,
    IReadOnlyDictionary<string, double> GflopsPerSecond,
    long PeakWorkingSetBytes,
    long? DeviceBytes);
