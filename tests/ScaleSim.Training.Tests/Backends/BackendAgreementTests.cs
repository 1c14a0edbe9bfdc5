using ScaleSim.Training.Backends;
using ScaleSim.Training.Backends.Verification;

namespace ScaleSim.Training.Tests.Backends;

/// <summary>
/// Every backend against the double-precision reference on the same weights and batch: the loss, the softmax
/// output and every gradient (<see cref="VerificationKind.Reference"/> of the library's <see cref="BackendVerification"/>, with
/// its tolerances: loss 2e-5 relative, probabilities 2e-6, gradients 1e-4 of each tensor's largest). A backend joins by adding its factory to <see cref="TestModels.BackendNames"/>; the
/// ILGPU backend runs at <see cref="TestModels.IlgpuShapeNames"/>.
/// </summary>
public class BackendAgreementTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var backend in TestModels.BackendNames)
            foreach (var shape in backend.StartsWith("ilgpu", StringComparison.Ordinal) ? TestModels.IlgpuShapeNames : TestModels.ShapeNames)
                data.Add(backend, shape);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void LossProbabilitiesAndGradientsMatchTheReference(string backendName, string shape)
    {
        var report = BackendVerification.Run(
            new BackendVerificationOptions { Device = TrainingDevice.Cpu, Kinds = [VerificationKind.Reference], Shapes = [TestModels.Verification(shape)] },
            (model, batch) => TestModels.Backend(backendName, model, batch), matmulDevice: null, CancellationToken.None);
        VerificationAssert.Passed(report, VerificationKind.Reference);
        Assert.Equal(["loss", "probabilities", "gradients"], report.Checks.Select(c => c.Quantity));
    }

    [Theory]
    [MemberData(nameof(TestModels.ShapeNames), MemberType = typeof(TestModels))]
    public void ThreadCountsGiveBitIdenticalResults(string shape)
    {
        var model = TestModels.Shape(shape);
        int batch = TestModels.Batch(shape);
        float[] Run(int threads)
        {
            using var backend = new ScaleSim.Training.Backends.Cpu.CpuBackend(model, batch, threads);
            var weights = TestModels.Weights(backend.Layout);
            backend.SetParameters(weights);
            var (inputs, targets) = TestModels.Batch(model, batch);
            var trace = new List<float>();
            for (int step = 1; step <= 3; step++)
            {
                trace.Add(backend.Forward(inputs, targets));
                backend.Backward();
                double norm = backend.GradientNorm();
                trace.Add((float)norm);
                backend.Step(new ScaleSim.Training.Backends.AdamWStep(1e-2, 0.9, 0.95, 1e-8, 0.1, step, Math.Min(1, 1 / norm)));
            }
            var p = new float[backend.Layout.Count];
            backend.GetParameters(p);
            trace.AddRange(p);
            return [.. trace];
        }

        var one = Run(1);
        Assert.Equal(one, Run(2));
        Assert.Equal(one, Run(3));
    }
}
