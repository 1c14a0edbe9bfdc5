using ScaleSim.Training.Backends;
using ScaleSim.Training.Backends.Cpu;
using ScaleSim.Training.Model;

namespace ScaleSim.Training.Tests;

/// <summary>Small shapes, weights and batches shared by the backend tests.</summary>
internal static class TestModels
{
    /// <summary>Head size 16, vocabulary not a multiple of 16, rows a multiple of 8.</summary>
    public static TinyGpt Aligned { get; } = new(Layers: 2, DModel: 32, Heads: 2, Context: 8, Vocab: 23);

    /// <summary>Widths that are not multiples of 16 (d=24, head size 12), 21 rows (GEMM edge tiles), 2-token context padding.</summary>
    public static TinyGpt Ragged { get; } = new(Layers: 1, DModel: 24, Heads: 2, Context: 7, Vocab: 19);

    /// <summary>
    /// Two blocks at the smallest widths (d=8, head size 4, 8 rows): ILGPU's CPU accelerator runs each simulated GPU
    /// thread on an OS thread, so whole-model ILGPU tests stay this small.
    /// </summary>
    public static TinyGpt Tiny { get; } = new(Layers: 2, DModel: 8, Heads: 2, Context: 4, Vocab: 11);

    public static TheoryData<string> ShapeNames => new() { nameof(Aligned), nameof(Ragged) };

    /// <summary>The shapes the ILGPU backend is tested at (<see cref="Aligned"/> takes seconds a step on ILGPU's CPU accelerator).</summary>
    public static TheoryData<string> IlgpuShapeNames => new() { nameof(Tiny), nameof(Ragged) };

    public static TinyGpt Shape(string name) => name switch
    {
        nameof(Aligned) => Aligned,
        nameof(Ragged) => Ragged,
        nameof(Tiny) => Tiny,
        _ => throw new ArgumentException(name),
    };

    public static int Batch(string name) => name == nameof(Tiny) ? 2 : 3;

    /// <summary>GPT-2 init at a larger σ plus noise on every parameter (LayerNorm gains and biases included), so no gradient is trivially zero.</summary>
    public static float[] Weights(ParameterLayout layout, ulong seed = 7)
    {
        var p = new float[layout.Count];
        GptInitializer.Initialize(layout, p, seed, std: 0.3);
        var rng = Xoshiro256.ForStream(seed, 99);
        for (int i = 0; i < p.Length; i++) p[i] += (float)(0.1 * rng.NextNormal());
        return p;
    }

    public static (int[] Inputs, int[] Targets) Batch(TinyGpt model, int batch, ulong seed = 3)
    {
        var rng = Xoshiro256.ForStream(seed, 5);
        int n = batch * model.Context;
        var inputs = new int[n];
        var targets = new int[n];
        for (int i = 0; i < n; i++)
        {
            inputs[i] = rng.NextInt(model.Vocab);
            targets[i] = rng.NextInt(model.Vocab);
        }
        return (inputs, targets);
    }

    /// <summary>Every backend configuration the agreement tests run.</summary>
    public static TheoryData<string> BackendNames => new() { "cpu-1", "cpu-2", "cpu-avx2-3", "ilgpu-cpu" };

    public static ITrainingBackend Backend(string name, TinyGpt model, int batch) => name switch
    {
        "cpu-1" => new CpuBackend(model, batch, 1),
        "cpu-2" => new CpuBackend(model, batch, 2),
        "cpu-avx2-3" => new CpuBackend(model, batch, 3, useVector512: false),
        "ilgpu-cpu" => TrainingBackends.Create(TrainingDevice.IlgpuCpu, model, batch),
        _ => throw new ArgumentException(name),
    };
}
