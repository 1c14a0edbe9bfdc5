namespace ScaleSim.Training.Backends.Verification;

/// <summary>One forward and backward on a backend: loss, softmax output, gradients and their norm.</summary>
internal sealed record BackendPass(float Loss, float[] Probabilities, float[] Gradients, double Norm)
{
    public static BackendPass Run(ITrainingBackend backend, float[] weights, int[] inputs, int[] targets)
    {
        backend.SetParameters(weights);
        float loss = backend.Forward(inputs, targets);
        var probs = new float[inputs.Length * backend.Model.Vocab];
        backend.GetProbabilities(probs);
        backend.Backward();
        var grads = new float[weights.Length];
        backend.GetGradients(grads);
        return new BackendPass(loss, probs, grads, backend.GradientNorm());
    }
}
