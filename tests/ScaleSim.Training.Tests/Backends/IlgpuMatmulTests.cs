using ScaleSim.Training.Backends;
using ScaleSim.Training.Backends.Ilgpu;
using ScaleSim.Training.Backends.Verification;

namespace ScaleSim.Training.Tests.Backends;

/// <summary>
/// The ILGPU matmul against a double-precision product on ILGPU's CPU accelerator (<see cref="MatmulCheck"/>, the
/// check <c>bench verify</c> runs on a GPU at its tile size), at sizes that are not multiples of the tile (edge tiles,
/// a partial k slice) and with every transpose the linear layers use and every flag.
/// </summary>
public class IlgpuMatmulTests
{
    [Theory]
    [InlineData(false, false, false, false, false)]
    [InlineData(true, false, true, false, false)]
    [InlineData(false, true, false, true, false)]
    [InlineData(true, true, true, true, true)]
    [InlineData(true, true, false, false, false)]
    public void MatchesADoubleProduct(bool transposeA, bool transposeB, bool bias, bool addend, bool accumulate)
    {
        var device = IlgpuDevice.TryOpen(TrainingDevice.IlgpuCpu, out _)!;
        var check = MatmulCheck.Run(device, transposeA, transposeB, bias, addend, accumulate);
        Assert.True(check.Passed, $"{check.Quantity}: {check.Detail}");
        Assert.Equal("14x5·5x17", check.Shape);
    }
}
