namespace ScaleSim.Training.Optimization;

/// <summary>
/// Warmup-stable-decay (Hägele et al. 2024, §3): linear warm-up to the peak over <see cref="WarmupStableDecay.WarmupSteps"/>,
/// the peak held, then a cool-down over the last <see cref="WarmupStableDecay.DecaySteps"/> steps to
/// <see cref="FinalFraction"/> of the peak, reached on the run's last step.
/// </summary>
/// <param name="Peak">Peak learning rate.</param>
/// <param name="TotalSteps">Optimizer steps in the run.</param>
/// <param name="Settings">Warm-up, cool-down share and shape.</param>
/// <param name="FinalFraction">Learning rate at the last step, as a fraction of the peak (Hägele et al. cool down to 0).</param>
public sealed record WarmupStableDecaySchedule(double Peak, long TotalSteps, WarmupStableDecay Settings, double FinalFraction = 0) : ILearningRateSchedule
{
    /// <summary>
    /// Learning rate of 0-based step s: peak·(s+1)/W during warm-up; the peak until the cool-down starts at
    /// s₀ = S − K; then peak·(f + (1 − f)·g(p)) with p = (s − s₀ + 1)/K, g(p) = 1 − p (linear) or 1 − √p, landing on f·peak at
    /// the last step.
    /// </summary>
    public double At(long step)
    {
        long w = Settings.WarmupSteps;
        long decay = Settings.DecaySteps(TotalSteps), start = TotalSteps - decay;
        // Warm-up wins over the cool-down only in runs too short for both; a branch always starts after warm-up.
        if (step < w) return Peak * (step + 1) / w;
        if (step < start || decay == 0) return Peak;
        double p = Math.Min(1.0, (double)(step - start + 1) / decay);
        double g = Settings.Shape == DecayShape.Linear ? 1 - p : 1 - Math.Sqrt(p);
        return Peak * (FinalFraction + (1 - FinalFraction) * g);
    }
}
