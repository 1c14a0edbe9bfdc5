using ILGPU;

namespace ScaleSim.Training.Backends.Ilgpu;

/// <summary>
/// Device-side reductions across the threads of one group through shared memory, as a fixed tree: thread t adds
/// thread t + w for w = G/2, G/4, …, 1. The order of the additions depends only on the group size, never on timing,
/// so results are the same on every run (no atomics). Every thread of the group must call them (they hold barriers);
/// the group size must be a power of two.
/// </summary>
internal static class GroupReduce
{
    /// <summary>Two sums at once (one set of barriers); <paramref name="shared"/> holds at least 2·G floats.</summary>
    public static FloatPair Sum(ArrayView<float> shared, float first, float second)
    {
        int t = Group.IdxX, g = Group.DimX;
        shared[t] = first;
        shared[g + t] = second;
        Group.Barrier();
        for (int w = g / 2; w > 0; w /= 2)
        {
            if (t < w)
            {
                shared[t] += shared[t + w];
                shared[g + t] += shared[g + t + w];
            }
            Group.Barrier();
        }
        var result = new FloatPair(shared[0], shared[g]);
        Group.Barrier();
        return result;
    }

    /// <summary>The sum of one value per thread.</summary>
    public static float Sum(ArrayView<float> shared, float value) => Sum(shared, value, 0f).First;

    /// <summary>The maximum of one value per thread.</summary>
    public static float Max(ArrayView<float> shared, float value)
    {
        int t = Group.IdxX;
        shared[t] = value;
        Group.Barrier();
        for (int w = Group.DimX / 2; w > 0; w /= 2)
        {
            if (t < w && shared[t + w] > shared[t]) shared[t] = shared[t + w];
            Group.Barrier();
        }
        float result = shared[0];
        Group.Barrier();
        return result;
    }

    /// <summary>The sum of one double per thread; <paramref name="shared"/> holds at least G doubles.</summary>
    public static double Sum(ArrayView<double> shared, double value)
    {
        int t = Group.IdxX;
        shared[t] = value;
        Group.Barrier();
        for (int w = Group.DimX / 2; w > 0; w /= 2)
        {
            if (t < w) shared[t] += shared[t + w];
            Group.Barrier();
        }
        double result = shared[0];
        Group.Barrier();
        return result;
    }
}
