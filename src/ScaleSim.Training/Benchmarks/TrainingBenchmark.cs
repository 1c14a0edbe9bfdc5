using System.Diagnostics;
using ScaleSim.Flops;
using ScaleSim.Training.Backends;
using ScaleSim.Training.Model;

namespace ScaleSim.Training.Benchmarks;

/// <summary>
/// Times full training steps (forward, backward, gradient norm, AdamW) on one fixed batch of random tokens — what
/// ../shared/peers/torch_gpt_peer.py times — after a warm-up long enough for tiered compilation to settle.
/// </summary>
public static class TrainingBenchmark
{
    /// <summary>Runs the benchmark; nothing is printed.</summary>
    public static TrainingBenchmarkResult Run(TrainingBenchmarkOptions options, CancellationToken cancellationToken = default)
    {
        var model = options.Model;
        model.Validate();
        using var backend = TrainingBackends.Create(options.Device, model, options.Batch, options.Threads);
        var weights = new float[backend.Layout.Count];
        GptInitializer.Initialize(backend.Layout, weights, seed: 0);
        backend.SetParameters(weights);

        var rng = new Xoshiro256(0);
        int n = options.Batch * model.Context;
        var inputs = new int[n];
        var targets = new int[n];
        for (int i = 0; i < n; i++)
        {
            inputs[i] = rng.NextInt(model.Vocab);
            targets[i] = rng.NextInt(model.Vocab);
        }

        long step = 0;
        void Step()
        {
            step++;
            backend.Forward(inputs, targets);
            backend.Backward();
            double norm = backend.GradientNorm();
            backend.Step(new AdamWStep(1e-3, 0.9, 0.95, 1e-8, 0.1, step, Math.Min(1.0, 1.0 / norm)));
        }

        var warm = Stopwatch.StartNew();
        int warmupSteps = 0;
        while (warmupSteps < options.WarmupSteps || warm.Elapsed.TotalSeconds < options.WarmupSeconds)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Step();
            warmupSteps++;
        }

        var timer = Stopwatch.StartNew();
        int steps = 0;
        while (steps < options.MinSteps || timer.Elapsed.TotalSeconds < options.Seconds)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Step();
            steps++;
        }
        double seconds = timer.Elapsed.TotalSeconds;
        double tokensPerSecond = (double)steps * n / seconds;
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return new TrainingBenchmarkResult(
            Backend: backend.Name,
            Model: model,
            Batch: options.Batch,
            Parameters: model.Parameters,
            NonEmbeddingParameters: model.NonEmbeddingParameters,
            Steps: steps,
            Seconds: seconds,
            TokensPerSecond: tokensPerSecond,
            StepMilliseconds: 1000 * seconds / steps,
            GflopsPerSecond: FlopModels.All.ToDictionary(m => m.Name, m => tokensPerSecond * model.TrainingFlopsPerToken(m) / 1e9),
            PeakWorkingSetBytes: process.PeakWorkingSet64);
    }
}
