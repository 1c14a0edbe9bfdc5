namespace ScaleSim.Training.Backends.Cpu;

/// <summary>
/// One matrix product C = init + A·B with C row-major (M×N, row stride <see cref="Ldc"/>) and A (M×K) and B (K×N)
/// addressed through arbitrary strides, so a transpose is just a swap of strides: element (i, k) of A is
/// <c>A[i·ARowStride + k·AColStride]</c>. <c>init</c> is C itself when <see cref="Accumulate"/>, otherwise
/// <see cref="Addend"/> (same strides as C, or zero when null) plus <see cref="Bias"/> broadcast over rows (or zero).
/// </summary>
internal unsafe struct GemmProblem
{
    public int M, N, K;
    public float* A;
    public nint ARowStride, AColStride;
    public float* B;
    public nint BRowStride, BColStride;
    public float* C;
    public nint Ldc;
    public float* Bias;
    public float* Addend;
    public bool Accumulate;

    /// <summary>C (M×N) = A (M×K) · B (K×N), both row-major and contiguous.</summary>
    public static GemmProblem RowMajor(int m, int n, int k, float* a, float* b, float* c) => new()
    {
        M = m, N = n, K = k, A = a, ARowStride = k, AColStride = 1, B = b, BRowStride = n, BColStride = 1, C = c, Ldc = n,
    };
}
