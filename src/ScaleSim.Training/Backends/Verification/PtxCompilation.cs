using System.Reflection;
using ILGPU;
using ILGPU.Backends.EntryPoints;
using ILGPU.Backends.PTX;
using ILGPU.Runtime;
using ILGPU.Runtime.Cuda;
using ScaleSim.Training.Backends.Ilgpu;

namespace ScaleSim.Training.Backends.Verification;

/// <summary>
/// Compiles every kernel of the ILGPU backend to PTX for a CUDA architecture, on any machine: no GPU or driver is
/// needed, only ILGPU's own compiler. What a CUDA device compiles at start-up is compiled here first, so a construct
/// the PTX backend rejects shows on the CPU; on a machine with the CUDA toolkit, <c>ptxas -v</c> on the output gives
/// each kernel's registers, spills and shared memory (what limits occupancy).
/// </summary>
public static class PtxCompilation
{
    /// <summary>
    /// The kernels: every static method of the ILGPU backend's kernel classes named <c>…Kernel</c> that takes one
    /// argument struct, as each class loads them (<c>accelerator.LoadKernel&lt;Args&gt;(…Kernel)</c>).
    /// </summary>
    public static IReadOnlyList<string> KernelNames => [.. KernelMethods().Select(Name)];

    /// <summary>
    /// Every kernel compiled for compute capability <paramref name="major"/>.<paramref name="minor"/> (default 9.0,
    /// H100 and H200) with the newest PTX instruction set ILGPU knows, as it picks for a current driver.
    /// </summary>
    public static IReadOnlyList<PtxKernel> CompileAll(int major = 9, int minor = 0)
    {
        var architecture = new CudaArchitecture(major, minor);
        using var context = Context.Create(builder => builder.Cuda().EnableAlgorithms());
        var instructionSet = PTXCodeGenerator.SupportedInstructionSets.First();
        using var backend = new PTXBackend(context, new CudaCapabilityContext(architecture), architecture, instructionSet, nvvmAPI: null);
        var kernels = new List<PtxKernel>();
        foreach (var method in KernelMethods())
        {
            var compiled = (PTXCompiledKernel)backend.Compile(EntryPointDescription.FromExplicitlyGroupedKernel(method), KernelSpecialization.Empty);
            kernels.Add(new PtxKernel(Name(method), compiled.PTXAssembly));
        }
        return kernels;
    }

    private static IEnumerable<MethodInfo> KernelMethods() =>
        typeof(IlgpuBackend).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(IlgpuBackend).Namespace && t.IsClass)
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                .Where(m => m.Name.EndsWith("Kernel", StringComparison.Ordinal) && m.ReturnType == typeof(void)
                    && m.GetParameters() is [{ ParameterType.IsValueType: true }])
                .OrderBy(m => m.Name, StringComparer.Ordinal));

    private static string Name(MethodInfo method) => $"{method.DeclaringType!.Name}.{method.Name}";
}
