namespace ScaleSim.Hardware;

/// <summary>An accelerator's peak dense throughput for 16-bit training (BF16, or FP16 where it has no BF16).</summary>
/// <param name="Name">The name <c>--gpu</c> takes, lower case (<c>h100-sxm</c>).</param>
/// <param name="Description">The product as its maker names it.</param>
/// <param name="PeakFlopsPerSecond">Peak dense (not 2:4 sparse) tensor throughput, FLOP/s per chip.</param>
/// <param name="Precision">The precision of that peak: BF16 or FP16.</param>
/// <param name="Source">The document the number comes from.</param>
public sealed record Accelerator(string Name, string Description, double PeakFlopsPerSecond, string Precision, string Source);
