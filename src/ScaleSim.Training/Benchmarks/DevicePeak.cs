using ScaleSim.Training.Backends;
using ScaleSim.Training.Backends.Ilgpu;

namespace ScaleSim.Training.Benchmarks;

/// <summary>The float32 arithmetic peak a training step's model FLOP/s is judged against, and where the number comes from.</summary>
/// <param name="Gflops">GFLOP/s.</param>
/// <param name="Source">How it was obtained, e.g. <c>132 SMs × 128 FP32 lanes × 2 (FMA) × 1.98 GHz</c> or <c>given</c>.</param>
public sealed record DevicePeak(double Gflops, string Source)
{
    /// <summary>
    /// A GPU's dense float32 (non-tensor-core) peak from its properties, for <see cref="TrainingDevice.Cuda"/> (or
    /// <see cref="TrainingDevice.Auto"/> when that finds CUDA); null for other devices and GPUs not in the table. The
    /// CPU backend's ceiling is measured instead (<see cref="MatmulBenchmark"/>).
    /// </summary>
    public static DevicePeak? Fp32(TrainingDevice device)
    {
        if (device is not (TrainingDevice.Cuda or TrainingDevice.Auto)) return null;
        var cuda = IlgpuDevice.TryOpen(TrainingDevice.Cuda, out _);
        return cuda?.Fp32Peak() is { } peak ? new DevicePeak(peak.Gflops, peak.Source) : null;
    }
}
