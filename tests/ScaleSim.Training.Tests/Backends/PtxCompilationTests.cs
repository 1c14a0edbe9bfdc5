using ScaleSim.Training.Backends.Verification;

namespace ScaleSim.Training.Tests.Backends;

/// <summary>
/// Every ILGPU kernel compiles to PTX for an H100/H200 (compute capability 9.0) on a machine without a GPU: the part of
/// the CUDA path that can be exercised on the CPU.
/// </summary>
public class PtxCompilationTests
{
    [Fact]
    public void EveryKernelCompilesToPtxForSm90()
    {
        // The kernels the backend's eight kernel classes load; a new kernel must be added here (and is then compiled too).
        Assert.Equal(
        [
            "AdamWKernels.AdamWNormPartialsKernel", "AdamWKernels.AdamWUpdateKernel",
            "AttentionKernels.AttentionInputGradientsKernel", "AttentionKernels.AttentionProbabilitiesKernel",
            "AttentionKernels.AttentionScoreGradientsKernel", "AttentionKernels.AttentionValuesKernel",
            "ColumnSumKernels.ColumnSumBlockSumsKernel", "ColumnSumKernels.ColumnSumTotalKernel",
            "EncoderKernels.EncoderBackwardPositionsKernel", "EncoderKernels.EncoderBackwardTokensKernel", "EncoderKernels.EncoderForwardKernel",
            "GeluKernels.GeluBackwardKernel", "GeluKernels.GeluForwardKernel",
            "LayerNormKernels.LayerNormBackwardInputKernel", "LayerNormKernels.LayerNormBackwardPartialsKernel", "LayerNormKernels.LayerNormForwardKernel",
            "MatmulKernels.MatmulMultiplyBlockedKernel", "MatmulKernels.MatmulMultiplyKernel",
            "SoftmaxCrossEntropyKernels.SoftmaxCrossEntropyBackwardKernel", "SoftmaxCrossEntropyKernels.SoftmaxCrossEntropyForwardKernel",
        ], PtxCompilation.KernelNames);

        var kernels = PtxCompilation.CompileAll(9, 0);
        Assert.Equal(PtxCompilation.KernelNames, kernels.Select(k => k.Name));
        Assert.All(kernels, k =>
        {
            // ILGPU targets the lowest architecture the kernel's instructions need (sm_80 for its float min/max);
            // the driver compiles that PTX for the device at load time.
            var target = System.Text.RegularExpressions.Regex.Match(k.Ptx, @"\.target sm_(\d+)");
            Assert.True(target.Success && int.Parse(target.Groups[1].Value) <= 90, $"{k.Name}: {target.Value}");
            Assert.Contains(".version 8.", k.Ptx);
            Assert.Contains(".entry ", k.Ptx);
        });
        // Shared memory is dynamic (sized at launch), and the tree reductions and tiles synchronise with bar.sync.
        var matmul = kernels.Single(k => k.Name == "MatmulKernels.MatmulMultiplyKernel").Ptx;
        // Every kernel's entry point is named after its op, so a profiler's kernel list reads unambiguously.
        Assert.Contains(".entry Kernel_MatmulMultiplyKernel(", matmul);
        Assert.Contains(".extern .shared", matmul);
        Assert.Contains("bar.sync", matmul);
    }
}
