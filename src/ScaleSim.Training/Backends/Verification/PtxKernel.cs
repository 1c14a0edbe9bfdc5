namespace ScaleSim.Training.Backends.Verification;

/// <summary>One ILGPU kernel of the training backend compiled to PTX.</summary>
/// <param name="Name">e.g. <c>MatmulKernels.MultiplyKernel</c>.</param>
/// <param name="Ptx">The PTX assembly ILGPU generated (for <c>ptxas -v</c>: registers, spills, shared memory).</param>
public sealed record PtxKernel(string Name, string Ptx);
