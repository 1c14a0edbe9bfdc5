using ScaleSim.Training.Backends;
using ScaleSim.Training.Backends.Cpu;
using ScaleSim.Training.Backends.Verification;
using ScaleSim.Training.Model;

namespace ScaleSim.Training.Tests;

/// <summary>Small shapes, weights and batches shared by the backend tests.</summary>
internal static class TestModels
{
    /// <summary>Head size 16, vocabulary not a multiple of 16, rows a multiple of 8.</summary>
    public static TinyGpt Aligned { get; } = VerificationShape.Aligned.Model;

    /// <summary>Widths that are not multiples of 16 (d=24, head size 12), 21 rows (GEMM edge tiles), 2-token context padding.</summary>
    public static TinyGpt Ragged { get; } = VerificationShape.Ragged.Model;

    /// <summary>
    /// Two blocks at the smallest widths (d=8, head size 4, 8 rows): ILGPU's CPU accelerator runs each simulated GPU
    /// thread on an OS thread, so whole-model ILGPU tests stay this small.
    /// </summary>
    public static TinyGpt Tiny { get; } = VerificationShape.Tiny.Model;

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

    /// <summary>A shape by its test name, as the verification routine takes it.</summary>
    public static VerificationShape Verification(string name) => new(name, Shape(name), Batch(name));

    /// <summary>The weights every backend check runs on (<see cref="VerificationInputs.Weights"/>).</summary>
    public static float[] Weights(ParameterLayout layout, ulong seed = 7) => VerificationInputs.Weights(layout, seed);

    /// <summary>The token batch every backend check runs on (<see cref="VerificationInputs.Batch"/>).</summary>
    public static (int[] Inputs, int[] Targets) Batch(TinyGpt model, int batch, ulong seed = 3) => VerificationInputs.Batch(model, batch, seed);

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
