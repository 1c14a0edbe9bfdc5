using ScaleSim.Training.Tests.Reference;

namespace ScaleSim.Training.Tests.Backends;

/// <summary>
/// Every backend against the double-precision reference on the same weights and batch: the loss, the softmax
/// output and every gradient. A backend joins by adding its factory to <see cref="TestModels.BackendNames"/>; the
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
        var model = TestModels.Shape(shape);
        int batch = TestModels.Batch(shape);
        var reference = new ReferenceGpt(model, batch);
        var weights = TestModels.Weights(reference.Layout);
        var (inputs, targets) = TestModels.Batch(model, batch);
        var refGrads = new double[weights.Length];
        var refProbs = new double[inputs.Length * model.Vocab];
        double refLoss = reference.Run(weights.Select(x => (double)x).ToArray(), inputs, targets, refGrads, refProbs);

        using var backend = TestModels.Backend(backendName, model, batch);
        backend.SetParameters(weights);
        float loss = backend.Forward(inputs, targets);
        var probs = new float[refProbs.Length];
        backend.GetProbabilities(probs);
        backend.Backward();
        var grads = new float[weights.Length];
        backend.GetGradients(grads);

        Assert.InRange(loss, refLoss - 2e-5 * refLoss, refLoss + 2e-5 * refLoss);
        for (int i = 0; i < probs.Length; i++) Assert.True(Math.Abs(probs[i] - refProbs[i]) < 2e-6, $"prob {i}: {probs[i]} vs {refProbs[i]}");
        foreach (var tensor in backend.Layout.Tensors)
        {
            double scale = 0;
            for (int i = tensor.Offset; i < tensor.Offset + tensor.Length; i++) scale = Math.Max(scale, Math.Abs(refGrads[i]));
            for (int i = tensor.Offset; i < tensor.Offset + tensor.Length; i++)
            {
                double err = Math.Abs(grads[i] - refGrads[i]);
                Assert.True(err <= 1e-4 * scale + 1e-7, $"{tensor.Name}[{i - tensor.Offset}]: {grads[i]:G9} vs {refGrads[i]:G9} (scale {scale:G3})");
            }
        }
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
