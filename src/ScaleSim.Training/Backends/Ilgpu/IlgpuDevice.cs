using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using ILGPU.Runtime.Cuda;
using ILGPU.Runtime.OpenCL;

namespace ScaleSim.Training.Backends.Ilgpu;

/// <summary>
/// One ILGPU accelerator with every kernel compiled for it, opened once per process and device kind and shared by
/// all backends on it (each backend launches on its own stream). Opening probes the driver: a missing CUDA or OpenCL
/// library, or no device, is an answer (<see cref="TryOpen"/> returns null with a reason), never a crash.
/// </summary>
/// <remarks>Devices from <see cref="TryOpen"/> live as long as the process; a caller of <see cref="OpenCpuAccelerator"/> owns and disposes its device.</remarks>
internal sealed class IlgpuDevice : IDisposable
{
    private static readonly object Gate = new();
    private static readonly Dictionary<TrainingDevice, (IlgpuDevice? Device, string Reason)> Opened = [];

    private readonly MemoryBuffer1D<float, Stride1D.Dense> _none;

    private IlgpuDevice(TrainingDevice kind, Context context, Accelerator accelerator, LaunchShape shape, string name)
    {
        Kind = kind;
        Context = context;
        Accelerator = accelerator;
        Shape = shape;
        Name = name;
        _none = accelerator.Allocate1D<float>(1);
        None = _none.View;
        Encoder = new EncoderKernels(accelerator);
        LayerNorm = new LayerNormKernels(accelerator);
        ColumnSums = new ColumnSumKernels(accelerator);
        Matmul = new MatmulKernels(accelerator);
        Linear = new LinearKernels(Matmul, ColumnSums, None);
        Attention = new AttentionKernels(accelerator);
        Gelu = new GeluKernels(accelerator);
        SoftmaxCrossEntropy = new SoftmaxCrossEntropyKernels(accelerator);
        AdamW = new AdamWKernels(accelerator);
    }

    /// <summary>Which <c>--device</c> this is.</summary>
    public TrainingDevice Kind { get; }

    public Context Context { get; }

    public Accelerator Accelerator { get; }

    public LaunchShape Shape { get; }

    /// <summary>e.g. <c>ilgpu cuda NVIDIA H200</c>.</summary>
    public string Name { get; }

    /// <summary>A one-float buffer passed for operands a kernel is told not to read.</summary>
    public ArrayView<float> None { get; }

    public EncoderKernels Encoder { get; }

    public LayerNormKernels LayerNorm { get; }

    public ColumnSumKernels ColumnSums { get; }

    public MatmulKernels Matmul { get; }

    public LinearKernels Linear { get; }

    public AttentionKernels Attention { get; }

    public GeluKernels Gelu { get; }

    public SoftmaxCrossEntropyKernels SoftmaxCrossEntropy { get; }

    public AdamWKernels AdamW { get; }

    /// <summary>
    /// The device's dense float32 peak in GFLOP/s (plain FMAs, no tensor cores: what these kernels can reach), from its
    /// properties, and how it was computed; null where unknown (not CUDA, or a compute capability not in the table).
    /// </summary>
    public (double Gflops, string Source)? Fp32Peak()
    {
        if (Accelerator is not CudaAccelerator cuda) return null;
        int major = cuda.Architecture.Major, minor = cuda.Architecture.Minor;
        // FP32 add/multiply/multiply-add results per clock per multiprocessor: NVIDIA, CUDA C++ Programming Guide,
        // "Arithmetic Instructions" throughput table (64 on 6.0, 7.x and 8.0; 128 on 5.x, 6.1, 6.2, 8.6–9.0 and later).
        int? lanes = (major, minor) switch
        {
            (6, 0) or (7, _) or (8, 0) => 64,
            (5, _) or (6, 1) or (6, 2) or (8, 6) or (8, 7) or (8, 9) or (9, 0) or (10, _) or (12, _) => 128,
            _ => null,
        };
        if (lanes is null || cuda.ClockRate <= 0) return null;
        double gflops = (double)cuda.NumMultiprocessors * lanes.Value * 2 * cuda.ClockRate * 1e3 / 1e9;
        return (gflops, $"{cuda.NumMultiprocessors} SMs × {lanes} FP32 lanes × 2 (FMA) × {cuda.ClockRate / 1e6:0.###} GHz (compute capability {major}.{minor})");
    }

    /// <summary>
    /// The accelerator for <paramref name="device"/> (<see cref="TrainingDevice.Cuda"/>, <see cref="TrainingDevice.OpenCl"/>
    /// or <see cref="TrainingDevice.IlgpuCpu"/>), opened on first use; null, with a one-line <paramref name="reason"/>,
    /// when there is none. The answer is remembered, so probing costs once per process.
    /// </summary>
    public static IlgpuDevice? TryOpen(TrainingDevice device, out string reason)
    {
        lock (Gate)
        {
            if (!Opened.TryGetValue(device, out var entry))
            {
                entry = Open(device);
                Opened[device] = entry;
            }
            reason = entry.Reason;
            return entry.Device;
        }
    }

    private static (IlgpuDevice?, string) Open(TrainingDevice device)
    {
        Context? context = null;
        Accelerator? accelerator = null;
        try
        {
            switch (device)
            {
                case TrainingDevice.Cuda:
                {
                    context = Context.Create(builder => builder.Cuda().EnableAlgorithms());
                    var devices = context.GetCudaDevices();
                    if (devices.Count == 0) return Fail(context, "no CUDA device found");
                    accelerator = devices[0].CreateAccelerator(context);
                    return (new IlgpuDevice(TrainingDevice.Cuda, context, accelerator, LaunchShape.Gpu(accelerator), $"ilgpu cuda {accelerator.Name}"), "");
                }
                case TrainingDevice.OpenCl:
                {
                    // ILGPU's own requirements (OpenCL C 2.0 with the generic address space) plus a GPU: PoCL's CPU
                    // devices lack the generic address space and are not what --device opencl is for.
                    context = Context.Create(builder => builder
                        .OpenCL(d => d.DeviceType.HasFlag(CLDeviceType.CL_DEVICE_TYPE_GPU) && d.Capabilities.GenericAddressSpace
                            && d.CLStdVersion >= ILGPU.Backends.OpenCL.CLBackend.MinimumVersion)
                        .EnableAlgorithms());
                    var devices = context.GetCLDevices();
                    if (devices.Count == 0) return Fail(context, "no OpenCL GPU found that ILGPU supports");
                    accelerator = devices[0].CreateAccelerator(context);
                    return (new IlgpuDevice(TrainingDevice.OpenCl, context, accelerator, LaunchShape.Gpu(accelerator), $"ilgpu opencl {accelerator.Name}"), "");
                }
                case TrainingDevice.IlgpuCpu:
                    return (OpenCpuAccelerator(threadsPerWarp: 2, warpsPerGroup: 2, _ => LaunchShape.CpuAccelerator), "");
                default:
                    throw new ArgumentOutOfRangeException(nameof(device), device, "not an ILGPU device");
            }
        }
        catch (Exception e) when (e is not ArgumentOutOfRangeException)
        {
            accelerator?.Dispose();
            context?.Dispose();
            return (null, $"could not be opened ({OneLine(e.Message)})");
        }
    }

    /// <summary>
    /// ILGPU's CPU accelerator with groups of up to <paramref name="threadsPerWarp"/>·<paramref name="warpsPerGroup"/>
    /// threads (each an OS thread) and the launch shape <paramref name="shape"/> picks for it. <c>ilgpu-cpu</c> is
    /// 2·2 with <see cref="LaunchShape.CpuAccelerator"/>; tests also run <see cref="LaunchShape.Gpu"/> on a 32·8 one.
    /// </summary>
    internal static IlgpuDevice OpenCpuAccelerator(int threadsPerWarp, int warpsPerGroup, Func<Accelerator, LaunchShape> shape)
    {
        var context = Context.Create(builder => builder.CPU().EnableAlgorithms());
        Accelerator? accelerator = null;
        try
        {
            var cpu = new CPUDevice(threadsPerWarp, warpsPerGroup, numMultiprocessors: 1);
            accelerator = cpu.CreateCPUAccelerator(context, CPUAcceleratorMode.Parallel);
            return new IlgpuDevice(TrainingDevice.IlgpuCpu, context, accelerator, shape(accelerator), "ilgpu cpu-accelerator");
        }
        catch
        {
            accelerator?.Dispose();
            context.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _none.Dispose();
        Accelerator.Dispose();
        Context.Dispose();
    }

    private static (IlgpuDevice?, string) Fail(Context context, string reason)
    {
        context.Dispose();
        return (null, reason);
    }

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();
}
