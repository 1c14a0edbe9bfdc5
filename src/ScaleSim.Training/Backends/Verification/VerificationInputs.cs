using ScaleSim.Training.Model;

namespace ScaleSim.Training.Backends.Verification;

/// <summary>The weights and token batches every check (and the backend unit tests) runs on.</summary>
internal static class VerificationInputs
{
    /// <summary>
    /// GPT-2 init at a larger σ (0.3) plus noise (σ 0.1) on every parameter (LayerNorm gains and biases included), so
    /// no gradient is trivially zero; both σ times <paramref name="scale"/> for wide shapes.
    /// </summary>
    public static float[] Weights(ParameterLayout layout, ulong seed = 7, double scale = 1)
    {
        var p = new float[layout.Count];
        GptInitializer.Initialize(layout, p, seed, std: 0.3 * scale);
        var rng = Xoshiro256.ForStream(seed, 99);
        for (int i = 0; i < p.Length; i++) p[i] += (float)(0.1 * scale * rng.NextNormal());
        return p;
    }

    /// <summary>Uniform random input and target ids.</summary>
    public static (int[] Inputs, int[] Targets) Batch(TinyGpt model, int batch, ulong seed = 3)
    {
        var rng = Xoshiro256.ForStream(seed, 5);
        int n = batch * model.Context;
        var inputs = new int[n];
        var targets = new int[n];
        for (int i = 0; i < n; i++)
        {
            inputs[i] = rng.NextInt(model.Vocab);
            targets[i] = rng.NextInt(model.Vocab);
        }
        return (inputs, targets);
    }
}
