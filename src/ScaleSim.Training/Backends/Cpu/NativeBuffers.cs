using System.Runtime.InteropServices;

namespace ScaleSim.Training.Backends.Cpu;

/// <summary>
/// The CPU backend's memory: zeroed, 64-byte-aligned native buffers (every row start of a width-16 multiple is a
/// cache line, so <c>Vector512</c> loads are aligned), outside the GC heap so nothing moves or is scanned, all freed
/// together.
/// </summary>
internal sealed unsafe class NativeBuffers : IDisposable
{
    private const int Alignment = 64;
    private readonly List<nint> _blocks = [];

    /// <summary>Bytes allocated so far.</summary>
    public long Bytes { get; private set; }

    /// <summary>A zeroed buffer of <paramref name="count"/> floats.</summary>
    public float* Floats(long count) => (float*)Allocate(count * sizeof(float));

    /// <summary>A zeroed buffer of <paramref name="count"/> ints.</summary>
    public int* Ints(long count) => (int*)Allocate(count * sizeof(int));

    /// <summary>A zeroed buffer of <paramref name="count"/> doubles.</summary>
    public double* Doubles(long count) => (double*)Allocate(count * sizeof(double));

    private void* Allocate(long bytes)
    {
        nuint size = (nuint)Math.Max(Alignment, (bytes + Alignment - 1) / Alignment * Alignment);
        void* block = NativeMemory.AlignedAlloc(size, Alignment);
        NativeMemory.Clear(block, size);
        _blocks.Add((nint)block);
        Bytes += (long)size;
        return block;
    }

    public void Dispose()
    {
        foreach (var block in _blocks) NativeMemory.AlignedFree((void*)block);
        _blocks.Clear();
    }
}
