using ScaleSim.Training.Backends.Cpu;
using ScaleSim.Training.Model;

namespace ScaleSim.Training.Backends;

/// <summary>Creates the backend for a device.</summary>
public static class TrainingBackends
{
    /// <summary>
    /// A backend for <paramref name="model"/> at <paramref name="batchSize"/> sequences per step. <paramref name="threads"/>
    /// is the CPU backend's worker count (1 = single-threaded, no synchronisation at all); ignored by GPU backends.
    /// Throws <see cref="InputException"/> for devices that are not available.
    /// </summary>
    public static ITrainingBackend Create(TrainingDevice device, TinyGpt model, int batchSize, int threads = 1)
    {
        model.Validate();
        if (batchSize <= 0) throw new InputException($"--batch must be positive, got {batchSize}");
        if (threads <= 0) throw new InputException($"--threads must be positive, got {threads}");
        return device switch
        {
            TrainingDevice.Auto or TrainingDevice.Cpu => new CpuBackend(model, batchSize, threads),
            _ => throw new InputException($"--device {device.ToName()}: backend not available yet (use --device cpu)"),
        };
    }
}
