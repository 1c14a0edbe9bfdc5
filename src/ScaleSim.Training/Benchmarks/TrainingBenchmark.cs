using System.Diagnostics;
using ScaleSim.Flops;
using ScaleSim.Training.Backends;
using ScaleSim.Training.Backends.Ilgpu;

namespace ScaleSim.Training.Benchmarks;

/// <summary>
/// Times full training steps (forward, backward, gradient norm, AdamW) on one fixed batch of random tokens — what
/// experiments/bench-train/peers/torch_gpt_peer.py times — after a warm-up long enough for tiered compilation to settle.
/// </summary>
public static class TrainingBenchmark
{
    /// <summary>Runs the benchmark; nothing is printed.</summary>
    public static TrainingBenchmarkResult Run(TrainingBenchmarkOptions options, CancellationToken cancellationToken = default)
    {
        var model = options.Model;
        model.Validate();
        using var steps = new BenchmarkSteps(TrainingBackends.Create(options.Device, model, options.Batch, options.Threads));
        var backend = steps.Backend;

        var warm = Stopwatch.StartNew();
        int warmupSteps = 0;
        while (warmupSteps < options.WarmupSteps || warm.Elapsed.TotalSeconds < options.WarmupSeconds)
        {
            cancellationToken.ThrowIfCancellationRequested();
            steps.Step();
            warmupSteps++;
        }

        var timer = Stopwatch.StartNew();
        int timed = 0;
        while (timed < options.MinSteps || timer.Elapsed.TotalSeconds < options.Seconds)
        {
            cancellationToken.ThrowIfCancellationRequested();
            steps.Step();
            timed++;
        }
        double seconds = timer.Elapsed.TotalSeconds;
        double tokensPerSecond = (double)timed * steps.TokensPerStep / seconds;
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var ilgpu = backend as IlgpuBackend;
        return new TrainingBenchmarkResult(
            Backend: backend.Name,
            Device: ilgpu?.Device.Kind ?? TrainingDevice.Cpu,
            Model: model,
            Batch: options.Batch,
            Parameters: model.Parameters,
            NonEmbeddingParameters: model.NonEmbeddingParameters,
            Steps: timed,
            Seconds: seconds,
            TokensPerSecond: tokensPerSecond,
            StepMilliseconds: 1000 * seconds / timed,
            GflopsPerSecond: FlopModels.All.ToDictionary(m => m.Name, m => tokensPerSecond * model.TrainingFlopsPerToken(m) / 1e9),
            PeakWorkingSetBytes: process.PeakWorkingSet64,
            DeviceBytes: ilgpu?.AllocatedBytes);
    }
}
