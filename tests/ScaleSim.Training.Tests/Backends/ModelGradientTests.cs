using ScaleSim.Training.Backends.Cpu;

namespace ScaleSim.Training.Tests.Backends;

/// <summary>The whole CPU backend's gradient against central finite differences of its own float32 loss, a sample of entries in every tensor.</summary>
public class ModelGradientTests
{
    [Theory]
    [MemberData(nameof(TestModels.ShapeNames), MemberType = typeof(TestModels))]
    public void EveryTensorMatchesFiniteDifferences(string shape)
    {
        var model = TestModels.Shape(shape);
        int batch = TestModels.Batch(shape);
        using var backend = new CpuBackend(model, batch, threads: 2);
        var weights = TestModels.Weights(backend.Layout);
        var (inputs, targets) = TestModels.Batch(model, batch);
        backend.SetParameters(weights);
        backend.Forward(inputs, targets);
        backend.Backward();
        var grads = new float[weights.Length];
        backend.GetGradients(grads);

        double Loss(float[] p)
        {
            backend.SetParameters(p);
            return backend.Forward(inputs, targets);
        }

        var rng = new Xoshiro256(21);
        foreach (var tensor in backend.Layout.Tensors)
        {
            var indices = Enumerable.Range(0, 6).Select(_ => tensor.Offset + rng.NextInt(tensor.Length)).ToList();
            double scale = grads.Skip(tensor.Offset).Take(tensor.Length).Max(g => Math.Abs(g));
            FiniteDifferences.Check(tensor.Name, weights, grads, Loss, indices, h: 1e-2f, relative: 3e-2, absolute: 2e-3 * scale + 1e-5);
        }
    }
}
