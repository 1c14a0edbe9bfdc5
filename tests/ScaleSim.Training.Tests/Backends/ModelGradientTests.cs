using ScaleSim.Training.Backends;
using ScaleSim.Training.Backends.Cpu;
using ScaleSim.Training.Backends.Verification;

namespace ScaleSim.Training.Tests.Backends;

/// <summary>
/// The whole CPU backend's gradient against central finite differences of its own float32 loss, six entries of every
/// tensor (<see cref="VerificationKind.FiniteDifferences"/>: 3% relative plus 0.2% of the tensor's largest gradient).
/// </summary>
public class ModelGradientTests
{
    [Theory]
    [MemberData(nameof(TestModels.ShapeNames), MemberType = typeof(TestModels))]
    public void EveryTensorMatchesFiniteDifferences(string shape)
    {
        var options = new BackendVerificationOptions
        {
            Device = TrainingDevice.Cpu, Kinds = [VerificationKind.FiniteDifferences], Shapes = [TestModels.Verification(shape)],
            FiniteDifferenceEntries = 6, FiniteDifferenceSeed = 21,
        };
        var report = BackendVerification.Run(options, (model, batch) => new CpuBackend(model, batch, threads: 2), matmulDevice: null, CancellationToken.None);
        VerificationAssert.Passed(report, VerificationKind.FiniteDifferences);
    }
}
