using ScaleSim.Training.Model;

namespace ScaleSim.Training.Benchmarks;

/// <summary>Aggregate throughput of K runs at once on one device, for each K measured.</summary>
/// <param name="Backend">Backend description.</param>
/// <param name="Model">The shape.</param>
/// <param name="Batch">Sequences per step.</param>
/// <param name="Measurements">One per K, in the order measured.</param>
/// <param name="RecommendedRuns">
/// The smallest K within 10% of the best aggregate tokens/s: more runs at once than that buy little and cost host
/// threads, device memory, and a longer tail when a sweep's last runs finish.
/// </param>
public sealed record ConcurrentTrainingResult(string Backend, TinyGpt Model, int Batch, IReadOnlyList<ConcurrentRunsMeasurement> Measurements, int RecommendedRuns);
