using ScaleSim.Training.Backends.Verification;

namespace ScaleSim.Training.Tests.Backends;

public class ReferenceGptTests
{
    [Theory]
    [MemberData(nameof(TestModels.ShapeNames), MemberType = typeof(TestModels))]
    public void ReferenceGradientMatchesFiniteDifferencesInDouble(string shape)
    {
        var model = TestModels.Shape(shape);
        int batch = TestModels.Batch(shape);
        var reference = new ReferenceGpt(model, batch);
        var p = TestModels.Weights(reference.Layout).Select(x => (double)x).ToArray();
        var (inputs, targets) = TestModels.Batch(model, batch);
        var grads = new double[p.Length];
        reference.Run(p, inputs, targets, grads);

        var rng = new Xoshiro256(11);
        foreach (var tensor in reference.Layout.Tensors)
        {
            for (int s = 0; s < 4; s++)
            {
                int i = tensor.Offset + rng.NextInt(tensor.Length);
                double keep = p[i], h = 1e-5;
                p[i] = keep + h;
                double up = reference.Run(p, inputs, targets);
                p[i] = keep - h;
                double down = reference.Run(p, inputs, targets);
                p[i] = keep;
                double numeric = (up - down) / (2 * h);
                Assert.True(Math.Abs(numeric - grads[i]) <= 1e-7 + 1e-5 * Math.Abs(numeric),
                    $"{tensor.Name}[{i - tensor.Offset}]: analytic {grads[i]:G9}, numeric {numeric:G9}");
            }
        }
    }
}
