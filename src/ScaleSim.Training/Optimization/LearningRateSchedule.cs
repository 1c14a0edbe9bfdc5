namespace ScaleSim.Training.Optimization;

/// <summary>
/// Linear warm-up to the peak, then cosine decay to <see cref="FinalFraction"/> of the peak, landing exactly on the
/// run's last step: the cosine length matches the token budget, as Hoffmann et al. (2022, §3 and Fig. A1) found
/// necessary — a cycle longer than the run leaves the learning rate high at the end and biases the fitted law.
/// </summary>
/// <param name="Peak">Peak learning rate.</param>
/// <param name="TotalSteps">Optimizer steps in the run.</param>
/// <param name="WarmupFraction">Fraction of the steps spent warming up (at least one step).</param>
/// <param name="FinalFraction">Learning rate at the last step, as a fraction of the peak.</param>
public sealed record LearningRateSchedule(double Peak, long TotalSteps, double WarmupFraction = 0.05, double FinalFraction = 0.1) : ILearningRateSchedule
{
    /// <summary>Warm-up steps: round(fraction · total), at least 1 and at most total.</summary>
    public long WarmupSteps => Math.Clamp((long)Math.Round(WarmupFraction * TotalSteps), 1, Math.Max(1, TotalSteps));

    /// <summary>
    /// Learning rate of 0-based step <paramref name="step"/>: peak·(s+1)/W during warm-up, then
    /// peak·(f + (1 − f)·½(1 + cos(π·p))) with p = (s − W)/(S − 1 − W) running from 0 to 1 on the last step.
    /// </summary>
    public double At(long step)
    {
        long w = WarmupSteps;
        if (step < w) return Peak * (step + 1) / w;
        long decaySteps = TotalSteps - 1 - w;
        double progress = decaySteps <= 0 ? 1.0 : Math.Min(1.0, (double)(step - w) / decaySteps);
        return Peak * (FinalFraction + (1 - FinalFraction) * 0.5 * (1 + Math.Cos(Math.PI * progress)));
    }
}
