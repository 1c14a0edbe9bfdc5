using ScaleSim.Training.Backends;
using ScaleSim.Training.Backends.Cpu;
using ScaleSim.Training.Backends.Ilgpu;
using ScaleSim.Training.Backends.Verification;
using ScaleSim.Training.Model;

namespace ScaleSim.Training.Tests.Backends;

/// <summary>
/// The ILGPU backend on ILGPU's CPU accelerator (the same kernels a GPU runs, at tiny shapes), through the library's
/// <see cref="BackendVerification"/> — the routine <c>scalesim bench verify --device cuda</c> runs on a GPU machine —
/// with the tolerances these tests have always used: against the CPU backend on the same weights and batch, against
/// finite differences of its own loss, over a few AdamW steps, run to run, several runs at once, whole training runs;
/// and device selection. The double-precision reference comparison is in <see cref="BackendAgreementTests"/>.
/// </summary>
public class IlgpuBackendTests
{
    private static BackendVerificationReport Verify(VerificationKind[] kinds, params VerificationShape[] shapes) =>
        BackendVerification.Run(new BackendVerificationOptions { Device = TrainingDevice.IlgpuCpu, Kinds = kinds, Shapes = shapes });

    [Theory]
    [MemberData(nameof(TestModels.IlgpuShapeNames), MemberType = typeof(TestModels))]
    public void LossProbabilitiesAndEveryGradientMatchTheCpuBackend(string shape)
    {
        var report = Verify([VerificationKind.Cpu], TestModels.Verification(shape));
        VerificationAssert.Passed(report, VerificationKind.Cpu);
        Assert.Equal(["loss", "gradient norm", "probabilities", "gradients"], report.Checks.Select(c => c.Quantity));
        Assert.Equal("ilgpu cpu-accelerator", report.Backend);
    }

    [Fact]
    public void GradientMatchesFiniteDifferences() =>
        VerificationAssert.Passed(Verify([VerificationKind.FiniteDifferences], VerificationShape.Tiny), VerificationKind.FiniteDifferences);

    [Fact]
    public void TrainingStepsMatchTheCpuBackendAndRepeatBitForBit()
    {
        var report = Verify([VerificationKind.Steps, VerificationKind.Repeat], VerificationShape.Tiny);
        VerificationAssert.Passed(report, VerificationKind.Steps, VerificationKind.Repeat);
        Assert.All(report.Checks.Where(c => c.Kind == VerificationKind.Repeat), c => Assert.Null(c.WorstRatio));
    }

    [Fact]
    public void RunsSteppingAtOnceOnOneDeviceAreBitIdenticalToEachRunAlone()
    {
        var report = Verify([VerificationKind.Concurrent], VerificationShape.Tiny);
        VerificationAssert.Passed(report, VerificationKind.Concurrent);
        Assert.StartsWith("all 4 runs identical", report.Checks.Single().Detail);
    }

    [Fact]
    public void TheGpuLaunchShapeGivesTheSameResults()
    {
        // LaunchShape.Gpu on a CPU accelerator with 256-thread groups: the group sizes, 32×32 matmul tiles and
        // 128-thread row trees a CUDA device gets (only the number of multiprocessors differs).
        using var device = IlgpuDevice.OpenCpuAccelerator(threadsPerWarp: 32, warpsPerGroup: 8, LaunchShape.Gpu);
        Assert.Equal((256, 128, 16), (device.Shape.ElementGroup, device.Shape.RowGroup, device.Shape.TileThreads));
        var shape = new VerificationShape("tiny-1-layer", TestModels.Tiny with { Layers = 1 }, 2);
        var report = BackendVerification.Run(new BackendVerificationOptions { Device = TrainingDevice.IlgpuCpu, Kinds = [VerificationKind.Cpu], Shapes = [shape] },
            (model, batch) => new IlgpuBackend(device, model, batch), matmulDevice: null, CancellationToken.None);
        VerificationAssert.Passed(report, VerificationKind.Cpu);
    }

    [Fact]
    public void TheBlockedMatmulEverywhereGivesTheSameBitsAsTheSmallOne()
    {
        // Every product through the 4×4-per-thread kernel (what a GPU does for large ones): the same k order, so the same
        // bits as ilgpu-cpu's 2×2 kernel over three AdamW steps, and within the CPU backend's tolerances.
        using var blocked = IlgpuDevice.OpenCpuAccelerator(threadsPerWarp: 2, warpsPerGroup: 2, _ => LaunchShape.CpuAccelerator with { BlockedMatmulMinTiles = 0 });
        var shape = TestModels.Verification(nameof(TestModels.Ragged));
        var report = BackendVerification.Run(new BackendVerificationOptions { Device = TrainingDevice.IlgpuCpu, Kinds = [VerificationKind.Cpu], Shapes = [shape] },
            (model, batch) => new IlgpuBackend(blocked, model, batch), matmulDevice: null, CancellationToken.None);
        VerificationAssert.Passed(report, VerificationKind.Cpu);

        var weights = TestModels.Weights(new ParameterLayout(shape.Model));
        var (inputs, targets) = TestModels.Batch(shape.Model, shape.Batch);
        AdamWTrajectory Steps(ITrainingBackend backend)
        {
            using (backend) return AdamWTrajectory.Run(backend, weights, inputs, targets);
        }
        var small = Steps(TrainingBackends.Create(TrainingDevice.IlgpuCpu, shape.Model, shape.Batch));
        var large = Steps(new IlgpuBackend(blocked, shape.Model, shape.Batch));
        Assert.Equal(small.Trace, large.Trace);
        Assert.Equal(small.Parameters, large.Parameters);
        Assert.Equal(small.SecondMoment, large.SecondMoment);
    }

    [Fact]
    public void TheTrainerRunsOnIlgpuCpuAsOnTheCpuAndRepeatsBitForBit()
    {
        var report = Verify([VerificationKind.Trainer], VerificationShape.Tiny);
        VerificationAssert.Passed(report, VerificationKind.Trainer);
        Assert.Equal(5, report.Checks.Count);
        Assert.All(report.Checks, c => Assert.Equal("trainer-small", c.Shape));
    }

    [Fact]
    public void AWrongGradientFailsItsCheckAndIsNamed()
    {
        // A backend that is right everywhere but one entry of one tensor: the routine must catch it and say where.
        var model = TestModels.Tiny;
        var layout = new ParameterLayout(model);
        int wrong = layout.MlpUpWeight.OffsetOf(1) + 5;
        var report = BackendVerification.Run(new BackendVerificationOptions { Device = TrainingDevice.Cpu, Kinds = [VerificationKind.Cpu, VerificationKind.Reference], Shapes = [VerificationShape.Tiny] },
            (m, batch) => new GradientOffByOne(new CpuBackend(m, batch, 1), wrong), matmulDevice: null, CancellationToken.None);
        Assert.False(report.Passed);
        var failing = report.Checks.Where(c => !c.Passed).ToList();
        Assert.Equal([(VerificationKind.Cpu, "gradients"), (VerificationKind.Reference, "gradients")], failing.Select(c => (c.Kind, c.Quantity)));
        Assert.All(failing, c => Assert.StartsWith($"{layout.MlpUpWeight.Name}[{wrong - layout.MlpUpWeight.Offset}]", c.Detail));
        Assert.All(failing, c => Assert.True(c.WorstRatio > 1));
    }

    [Fact]
    public void IlgpuCpuIsAlwaysAvailable()
    {
        Assert.True(TrainingBackends.IsAvailable(TrainingDevice.IlgpuCpu));
        using var backend = TrainingBackends.Create(TrainingDevice.IlgpuCpu, TestModels.Tiny, 2);
        Assert.IsType<IlgpuBackend>(backend);
        Assert.Equal("ilgpu cpu-accelerator", backend.Name);
    }

    [Theory]
    [InlineData(TrainingDevice.Cuda, "device cuda: no CUDA device found")]
    [InlineData(TrainingDevice.OpenCl, "device opencl: no OpenCL GPU found")]
    public void AMissingGpuIsAOneLineInputError(TrainingDevice device, string message)
    {
        if (TrainingBackends.IsAvailable(device))
        {
            using var backend = TrainingBackends.Create(device, TestModels.Tiny, 2);
            Assert.StartsWith($"ilgpu {device.ToName()} ", backend.Name);
            return;
        }
        var e = Assert.Throws<InputException>(() => TrainingBackends.Create(device, TestModels.Tiny, 2));
        Assert.StartsWith(message, e.Message);
        Assert.DoesNotContain('\n', e.Message);
        var verify = Assert.Throws<InputException>(() => BackendVerification.Run(new BackendVerificationOptions { Device = device }));
        Assert.StartsWith(message, verify.Message);
    }

    [Fact]
    public void AutoTakesCudaThenAnOpenClGpuElseTheCpuBackend()
    {
        using var backend = TrainingBackends.Create(TrainingDevice.Auto, TestModels.Tiny, 2);
        string expected = TrainingBackends.IsAvailable(TrainingDevice.Cuda) ? "ilgpu cuda "
            : TrainingBackends.IsAvailable(TrainingDevice.OpenCl) ? "ilgpu opencl " : "cpu ";
        Assert.StartsWith(expected, backend.Name);
    }

    /// <summary>The CPU backend with one gradient entry off by 0.01 (the Tiny model's gradients are of order 0.01–1).</summary>
    private sealed class GradientOffByOne(CpuBackend inner, int index) : ITrainingBackend
    {
        public string Name => inner.Name;
        public TinyGpt Model => inner.Model;
        public int BatchSize => inner.BatchSize;
        public ParameterLayout Layout => inner.Layout;
        public void SetParameters(ReadOnlySpan<float> parameters) => inner.SetParameters(parameters);
        public void GetParameters(Span<float> destination) => inner.GetParameters(destination);
        public void GetGradients(Span<float> destination)
        {
            inner.GetGradients(destination);
            destination[index] += 1e-2f;
        }
        public void SetOptimizerState(ReadOnlySpan<float> firstMoment, ReadOnlySpan<float> secondMoment) => inner.SetOptimizerState(firstMoment, secondMoment);
        public void GetOptimizerState(Span<float> firstMoment, Span<float> secondMoment) => inner.GetOptimizerState(firstMoment, secondMoment);
        public float Forward(ReadOnlySpan<int> inputs, ReadOnlySpan<int> targets) => inner.Forward(inputs, targets);
        public void GetProbabilities(Span<float> destination) => inner.GetProbabilities(destination);
        public void Backward() => inner.Backward();
        public double GradientNorm() => inner.GradientNorm();
        public void Step(in AdamWStep step) => inner.Step(step);
        public void Dispose() => inner.Dispose();
    }
}
