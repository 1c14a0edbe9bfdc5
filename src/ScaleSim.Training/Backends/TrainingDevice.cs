namespace ScaleSim.Training.Backends;

/// <summary>Where a run trains: <c>--device auto|cpu|cuda|opencl|ilgpu-cpu</c>.</summary>
public enum TrainingDevice
{
    /// <summary>A CUDA device, else an OpenCL GPU, through the ILGPU backend; else the CPU backend.</summary>
    Auto,

    /// <summary>The SIMD CPU backend.</summary>
    Cpu,

    /// <summary>ILGPU on a CUDA device.</summary>
    Cuda,

    /// <summary>ILGPU on an OpenCL GPU.</summary>
    OpenCl,

    /// <summary>The ILGPU kernels on ILGPU's CPU accelerator (for testing them without a GPU; 100–1000× slower than <see cref="Cpu"/>).</summary>
    IlgpuCpu,
}

/// <summary>Parsing and printing of <see cref="TrainingDevice"/> names.</summary>
public static class TrainingDevices
{
    /// <summary>The names <c>--device</c> accepts.</summary>
    public static IReadOnlyList<string> Names { get; } = ["auto", "cpu", "cuda", "opencl", "ilgpu-cpu"];

    /// <summary>Parses a device name; throws <see cref="InputException"/> naming the choices when unknown.</summary>
    public static TrainingDevice Parse(string name) => name.Trim().ToLowerInvariant() switch
    {
        "auto" => TrainingDevice.Auto,
        "cpu" => TrainingDevice.Cpu,
        "cuda" => TrainingDevice.Cuda,
        "opencl" => TrainingDevice.OpenCl,
        "ilgpu-cpu" => TrainingDevice.IlgpuCpu,
        _ => throw InputException.About($"{InputName.Of("device")}: unknown device '{name}' (known: {string.Join(", ", Names)})"),
    };

    /// <summary>The command-line name of a device.</summary>
    public static string ToName(this TrainingDevice device) => Names[(int)device];
}
