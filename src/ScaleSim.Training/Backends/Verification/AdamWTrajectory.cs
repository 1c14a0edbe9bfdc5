namespace ScaleSim.Training.Backends.Verification;

/// <summary>
/// Three AdamW steps as the trainer makes them (forward, backward, norm, clip at 1, step) from given weights on a
/// fixed batch: the losses and norms in order, then the parameters and both moments.
/// </summary>
internal sealed record AdamWTrajectory(double[] Trace, float[] Parameters, float[] FirstMoment, float[] SecondMoment)
{
    public const int Steps = 3;

    public static AdamWTrajectory Run(ITrainingBackend backend, float[] weights, int[] inputs, int[] targets)
    {
        backend.SetParameters(weights);
        var zeros = new float[weights.Length];
        backend.SetOptimizerState(zeros, zeros);
        var trace = new List<double>();
        for (int step = 1; step <= Steps; step++)
        {
            trace.Add(backend.Forward(inputs, targets));
            backend.Backward();
            double norm = backend.GradientNorm();
            trace.Add(norm);
            backend.Step(new AdamWStep(1e-2, 0.9, 0.95, 1e-8, 0.1, step, Math.Min(1, 1 / norm)));
        }
        var p = new float[weights.Length];
        var m = new float[weights.Length];
        var v = new float[weights.Length];
        backend.GetParameters(p);
        backend.GetOptimizerState(m, v);
        return new AdamWTrajectory([.. trace], p, m, v);
    }
}
