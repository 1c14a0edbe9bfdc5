using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ScaleSim.Training.Backends.Cpu;

/// <summary>
/// Row primitives shared by the ops: 16-wide <c>Vector512</c> loops with a scalar tail. The order of every sum is
/// fixed by the length alone (lane-wise accumulation, then a horizontal sum, then the tail), so results are
/// reproducible.
/// </summary>
internal static unsafe class VectorMath
{
    public const int Width = 16;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Sum(float* x, int n)
    {
        var acc = Vector512<float>.Zero;
        int i = 0;
        for (; i <= n - Width; i += Width) acc += Vector512.Load(x + i);
        float s = Vector512.Sum(acc);
        for (; i < n; i++) s += x[i];
        return s;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Dot(float* x, float* y, int n)
    {
        var acc = Vector512<float>.Zero;
        int i = 0;
        for (; i <= n - Width; i += Width) acc = Vector512.FusedMultiplyAdd(Vector512.Load(x + i), Vector512.Load(y + i), acc);
        float s = Vector512.Sum(acc);
        for (; i < n; i++) s = MathF.FusedMultiplyAdd(x[i], y[i], s);
        return s;
    }

    /// <summary>y += a·x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Axpy(float a, float* x, float* y, int n)
    {
        var av = Vector512.Create(a);
        int i = 0;
        for (; i <= n - Width; i += Width) Vector512.FusedMultiplyAdd(av, Vector512.Load(x + i), Vector512.Load(y + i)).Store(y + i);
        for (; i < n; i++) y[i] = MathF.FusedMultiplyAdd(a, x[i], y[i]);
    }

    /// <summary>y += x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddTo(float* x, float* y, int n)
    {
        int i = 0;
        for (; i <= n - Width; i += Width) (Vector512.Load(y + i) + Vector512.Load(x + i)).Store(y + i);
        for (; i < n; i++) y[i] += x[i];
    }

    /// <summary>o = a + b.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(float* a, float* b, float* o, int n)
    {
        int i = 0;
        for (; i <= n - Width; i += Width) (Vector512.Load(a + i) + Vector512.Load(b + i)).Store(o + i);
        for (; i < n; i++) o[i] = a[i] + b[i];
    }

    /// <summary>Largest element.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Max(float* x, int n)
    {
        var acc = Vector512.Create(float.NegativeInfinity);
        int i = 0;
        for (; i <= n - Width; i += Width) acc = Vector512.Max(acc, Vector512.Load(x + i));
        float m = float.NegativeInfinity;
        for (int l = 0; l < Width; l++) m = MathF.Max(m, acc.GetElement(l));
        for (; i < n; i++) m = MathF.Max(m, x[i]);
        return m;
    }
}
