using ScaleSim.Training.Backends;
using ScaleSim.Training.Backends.Ilgpu;
using ScaleSim.Training.Backends.Verification;

namespace ScaleSim.Training.Tests.Backends;

/// <summary>
/// Both ILGPU matmul kernels (2×2 and 4×4 outputs per thread) against a double-precision product on ILGPU's CPU
/// accelerator (<see cref="MatmulCheck"/>, the check <c>bench verify</c> runs on a GPU at its tile size), at sizes
/// that are not multiples of the tile (edge tiles, a partial k slice) and with every transpose the linear layers use
/// and every flag; and which kernel a GPU launch shape picks.
/// </summary>
public class IlgpuMatmulTests
{
    [Theory]
    [InlineData(false, false, false, false, false, false)]
    [InlineData(false, true, false, true, false, false)]
    [InlineData(false, false, true, false, true, false)]
    [InlineData(false, true, true, true, true, true)]
    [InlineData(false, true, true, false, false, false)]
    [InlineData(true, false, false, false, false, false)]
    [InlineData(true, true, false, true, false, false)]
    [InlineData(true, false, true, false, true, false)]
    [InlineData(true, true, true, true, true, true)]
    [InlineData(true, true, true, false, false, false)]
    public void MatchesADoubleProduct(bool blocked, bool transposeA, bool transposeB, bool bias, bool addend, bool accumulate)
    {
        var device = IlgpuDevice.TryOpen(TrainingDevice.IlgpuCpu, out _)!;
        var check = MatmulCheck.Run(device, blocked, transposeA, transposeB, bias, addend, accumulate);
        Assert.True(check.Passed, $"{check.Quantity}: {check.Detail}");
        // ilgpu-cpu's TS = 2: 4×4 tiles and 4-deep k slices for the 2×2 kernel, 8×8 tiles and 2-deep slices blocked.
        Assert.Equal(blocked ? "4x4 blocks 22x5·5x21" : "2x2 blocks 14x9·9x17", check.Shape);
    }

    [Fact]
    public void TheGpuLaunchShapePicksTheBlockedKernelForLargeProductsOnly()
    {
        // A 132-multiprocessor GPU (H100/H200): the blocked kernel from 264 tiles of 64×64 up.
        var shape = new LaunchShape(256, 128, 16, 16 * 132, 2 * 132, BlockedMatmulMinTiles: 2 * 132);
        Assert.False(shape.PrefersBlocked(1024, 256));    // the L=2, d=64 benchmark's largest product: 64 tiles
        Assert.True(shape.PrefersBlocked(16384, 512));    // the large shape's attention projection: 2048 tiles
        Assert.True(shape.PrefersBlocked(2048, 768));     // the wide verification shape's QKV: 384 tiles
        Assert.False(LaunchShape.CpuAccelerator.PrefersBlocked(100000, 100000));
    }
}
