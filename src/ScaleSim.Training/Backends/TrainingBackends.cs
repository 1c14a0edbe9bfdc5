using ScaleSim.Training.Backends.Cpu;
using ScaleSim.Training.Backends.Ilgpu;
using ScaleSim.Training.Model;

namespace ScaleSim.Training.Backends;

/// <summary>Creates the backend for a device.</summary>
public static class TrainingBackends
{
    /// <summary>
    /// A backend for <paramref name="model"/> at <paramref name="batchSize"/> sequences per step. <paramref name="threads"/>
    /// is the CPU backend's worker count (1 = single-threaded, no synchronisation at all); ignored by ILGPU backends.
    /// <see cref="TrainingDevice.Auto"/> takes a CUDA device, else an OpenCL GPU, else the CPU backend. Throws
    /// <see cref="InputException"/> for a device that is not present.
    /// </summary>
    public static ITrainingBackend Create(TrainingDevice device, TinyGpt model, int batchSize, int threads = 1)
    {
        model.Validate();
        if (batchSize <= 0) throw InputException.About($"{InputName.Of("batch")} must be positive, got {batchSize}");
        if (threads <= 0) throw InputException.About($"{InputName.Of("threads")} must be positive, got {threads}");
        switch (device)
        {
            case TrainingDevice.Cpu:
                return new CpuBackend(model, batchSize, threads);
            case TrainingDevice.Auto:
                foreach (var gpu in (ReadOnlySpan<TrainingDevice>)[TrainingDevice.Cuda, TrainingDevice.OpenCl])
                {
                    var opened = IlgpuDevice.TryOpen(gpu, out _);
                    if (opened is not null) return new IlgpuBackend(opened, model, batchSize);
                }
                return new CpuBackend(model, batchSize, threads);
            default:
                var ilgpu = IlgpuDevice.TryOpen(device, out string reason)
                    ?? throw InputException.About($"{InputName.Of("device")} {device.ToName()}: {reason} (use {InputName.Of("device")} cpu)");
                return new IlgpuBackend(ilgpu, model, batchSize);
        }
    }

    /// <summary>
    /// Whether <paramref name="device"/> can be used here: <c>auto</c> and <c>cpu</c> always; <c>cuda</c> and
    /// <c>opencl</c> when ILGPU finds such a device (probed once per process, driver libraries missing is a no);
    /// <c>ilgpu-cpu</c> always.
    /// </summary>
    public static bool IsAvailable(TrainingDevice device) =>
        device is TrainingDevice.Auto or TrainingDevice.Cpu || IlgpuDevice.TryOpen(device, out _) is not null;
}
