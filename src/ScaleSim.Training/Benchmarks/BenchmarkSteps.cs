using ScaleSim.Training.Backends;
using ScaleSim.Training.Model;

namespace ScaleSim.Training.Benchmarks;

/// <summary>
/// Full training steps (forward, backward, gradient norm, AdamW with clipping) on one fixed batch of random tokens,
/// what ../peers/torch_gpt_peer.py times: the loop every training benchmark runs.
/// </summary>
internal sealed class BenchmarkSteps : IDisposable
{
    private readonly int[] _inputs, _targets;
    private long _step;

    public BenchmarkSteps(ITrainingBackend backend, ulong seed = 0)
    {
        Backend = backend;
        var model = backend.Model;
        var weights = new float[backend.Layout.Count];
        GptInitializer.Initialize(backend.Layout, weights, seed);
        backend.SetParameters(weights);
        var zeros = new float[weights.Length];
        backend.SetOptimizerState(zeros, zeros);
        var rng = Xoshiro256.ForStream(seed, 17);
        TokensPerStep = backend.BatchSize * model.Context;
        _inputs = new int[TokensPerStep];
        _targets = new int[TokensPerStep];
        for (int i = 0; i < TokensPerStep; i++)
        {
            _inputs[i] = rng.NextInt(model.Vocab);
            _targets[i] = rng.NextInt(model.Vocab);
        }
    }

    public ITrainingBackend Backend { get; }

    public int TokensPerStep { get; }

    public void Step()
    {
        _step++;
        Backend.Forward(_inputs, _targets);
        Backend.Backward();
        double norm = Backend.GradientNorm();
        Backend.Step(new AdamWStep(1e-3, 0.9, 0.95, 1e-8, 0.1, _step, Math.Min(1.0, 1.0 / norm)));
    }

    public void Dispose() => Backend.Dispose();
}
