using ILGPU;
using ILGPU.Runtime;

namespace ScaleSim.Training.Backends.Ilgpu;

/// <summary>Device memory allocated once by a backend, zeroed, and freed together (the ILGPU counterpart of <c>Cpu/NativeBuffers</c>).</summary>
internal sealed class DeviceBuffers(Accelerator accelerator, AcceleratorStream stream) : IDisposable
{
    private readonly List<MemoryBuffer> _buffers = [];

    /// <summary>Bytes allocated.</summary>
    public long Bytes { get; private set; }

    public ArrayView<float> Floats(long count) => Add(accelerator.Allocate1D<float>(Math.Max(1, count))).View;

    public ArrayView<int> Ints(long count) => Add(accelerator.Allocate1D<int>(Math.Max(1, count))).View;

    public ArrayView<double> Doubles(long count) => Add(accelerator.Allocate1D<double>(Math.Max(1, count))).View;

    public void Dispose()
    {
        foreach (var buffer in _buffers) buffer.Dispose();
        _buffers.Clear();
    }

    private MemoryBuffer1D<T, Stride1D.Dense> Add<T>(MemoryBuffer1D<T, Stride1D.Dense> buffer) where T : unmanaged
    {
        buffer.View.MemSetToZero(stream);
        _buffers.Add(buffer);
        Bytes += buffer.LengthInBytes;
        return buffer;
    }
}
