namespace ScaleSim.Hardware;

/// <summary>
/// Peak dense 16-bit tensor throughput of common training accelerators, per chip, from the makers' datasheets. Where a
/// datasheet quotes 2:4 structured sparsity (NVIDIA's "with sparsity" figures) the dense number, half of it, is used:
/// training runs dense matrix products.
/// </summary>
public static class Accelerators
{
    /// <summary>Every accelerator known by name.</summary>
    public static IReadOnlyList<Accelerator> All { get; } =
    [
        // NVIDIA V100 datasheet (2020): 125 TFLOPS "Tensor Performance" (FP16) for V100 SXM2; V100 has no BF16.
        new("v100", "NVIDIA V100 SXM2", 125e12, "FP16", "NVIDIA Tesla V100 datasheet: 125 TFLOPS tensor (SXM2)"),
        // NVIDIA A100 datasheet (2021): BF16 tensor core 312 TFLOPS (624 with sparsity), SXM and PCIe alike.
        new("a100", "NVIDIA A100 (SXM or PCIe)", 312e12, "BF16", "NVIDIA A100 datasheet: BF16 tensor 312 TFLOPS dense"),
        // NVIDIA A10 datasheet (2021): BF16 tensor core 125 TFLOPS (250 with sparsity).
        new("a10", "NVIDIA A10", 125e12, "BF16", "NVIDIA A10 datasheet: BF16 tensor 125 TFLOPS dense (250 with sparsity)"),
        // NVIDIA L4 datasheet (2023): BF16 tensor core 242 TFLOPS with sparsity, so 121 dense.
        new("l4", "NVIDIA L4", 121e12, "BF16", "NVIDIA L4 datasheet: BF16 tensor 242 TFLOPS with sparsity, 121 dense"),
        // NVIDIA H100 datasheet (2023): BF16 tensor core 1,979 TFLOPS with sparsity for SXM, so 989 dense.
        new("h100-sxm", "NVIDIA H100 SXM", 989e12, "BF16", "NVIDIA H100 datasheet: BF16 tensor 1,979 TFLOPS with sparsity (SXM), 989 dense"),
        // NVIDIA H100 datasheet (2023): BF16 tensor core 1,513 TFLOPS with sparsity for PCIe, so 756 dense.
        new("h100-pcie", "NVIDIA H100 PCIe", 756e12, "BF16", "NVIDIA H100 datasheet: BF16 tensor 1,513 TFLOPS with sparsity (PCIe), 756 dense"),
        // NVIDIA H200 datasheet (2024): BF16 tensor core 1,979 TFLOPS with sparsity (SXM), the H100's compute with more memory.
        new("h200", "NVIDIA H200 SXM", 989e12, "BF16", "NVIDIA H200 datasheet: BF16 tensor 1,979 TFLOPS with sparsity (SXM), 989 dense"),
        // AMD Instinct MI300X datasheet (2023): peak BF16 1,307.4 TFLOPS dense (2,614.9 with sparsity).
        new("mi300x", "AMD Instinct MI300X", 1307.4e12, "BF16", "AMD Instinct MI300X datasheet: BF16 1,307.4 TFLOPS dense"),
        // Google Cloud TPU v4 documentation: 275 TFLOPS peak BF16 per chip.
        new("tpu-v4", "Google TPU v4", 275e12, "BF16", "Google Cloud TPU v4 documentation: 275 TFLOPS BF16 per chip"),
        // Google Cloud TPU v5e documentation: 197 TFLOPS peak BF16 per chip.
        new("tpu-v5e", "Google TPU v5e", 197e12, "BF16", "Google Cloud TPU v5e documentation: 197 TFLOPS BF16 per chip"),
        // Google Cloud TPU v5p documentation: 459 TFLOPS peak BF16 per chip.
        new("tpu-v5p", "Google TPU v5p", 459e12, "BF16", "Google Cloud TPU v5p documentation: 459 TFLOPS BF16 per chip"),
    ];

    // Names people also type: the H100 and A100 without a form factor are taken as SXM, the common training part.
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["h100"] = "h100-sxm",
        ["a100-sxm"] = "a100",
        ["a100-pcie"] = "a100",
        ["h200-sxm"] = "h200",
        ["v100-sxm2"] = "v100",
        ["tpuv4"] = "tpu-v4",
        ["tpuv5e"] = "tpu-v5e",
        ["tpuv5p"] = "tpu-v5p",
    };

    /// <summary>The accelerator called <paramref name="name"/> (case and aliases such as <c>h100</c> allowed), or an input error listing the known ones.</summary>
    public static Accelerator Find(string name)
    {
        string key = Aliases.TryGetValue(name.Trim(), out var alias) ? alias : name.Trim();
        return All.FirstOrDefault(a => string.Equals(a.Name, key, StringComparison.OrdinalIgnoreCase))
            ?? throw InputException.About($"{InputName.Of("gpu")} '{name}' is not in the table (known: {string.Join(", ", All.Select(a => a.Name))}); give the peak throughput with {InputName.Of("peak_flops")} instead");
    }
}
