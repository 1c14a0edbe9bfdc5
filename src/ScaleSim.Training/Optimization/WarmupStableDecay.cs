namespace ScaleSim.Training.Optimization;

/// <summary>
/// The settings of a warmup-stable-decay schedule (Hägele et al. 2024, "Scaling Laws and Compute-Optimal Training Beyond
/// Fixed Training Durations"): a linear warm-up of a fixed number of steps, the peak rate held constant, and a cool-down
/// over the last <see cref="DecayFraction"/> of the run's steps. The warm-up is counted in steps, not as a share of the
/// run, so runs of different lengths share their first steps exactly: a run that cools down from step s of a longer
/// constant-rate run (its stem) is the same run as one trained from scratch with this schedule.
/// </summary>
/// <param name="WarmupSteps">Steps of linear warm-up (at least one).</param>
/// <param name="DecayFraction">Share of the run's steps spent cooling down, in [0, 1); 0 holds the peak to the end (a stem).</param>
/// <param name="Shape">How the cool-down falls.</param>
/// <param name="DecayValidations">Validations spread evenly over the cool-down, besides the run's regular ones.</param>
public sealed record WarmupStableDecay(long WarmupSteps, double DecayFraction = WarmupStableDecay.DefaultDecayFraction,
    DecayShape Shape = DecayShape.OneMinusSqrt, int DecayValidations = WarmupStableDecay.DefaultDecayValidations)
{
    /// <summary>Hägele et al. (2024, §3) found a cool-down of about 20% of the steps matches a cosine schedule of the same length.</summary>
    public const double DefaultDecayFraction = 0.2;

    /// <summary>Enough points through the cool-down to draw its fall in a training curve.</summary>
    public const int DefaultDecayValidations = 10;

    /// <summary>Cool-down steps of a run of <paramref name="totalSteps"/> steps: round(fraction · total).</summary>
    public long DecaySteps(long totalSteps) => Math.Clamp((long)Math.Round(DecayFraction * totalSteps), 0, Math.Max(0, totalSteps - 1));

    /// <summary>The first step of the cool-down: the step a branch starts from when it continues a stem.</summary>
    public long DecayStart(long totalSteps) => totalSteps - DecaySteps(totalSteps);

    /// <summary>Whether a validation falls after step <paramref name="step"/> (1-based count of steps taken) inside the cool-down.</summary>
    public bool IsDecayValidation(long step, long totalSteps)
    {
        long decay = DecaySteps(totalSteps), start = totalSteps - decay;
        if (decay == 0 || DecayValidations <= 0 || step <= start) return false;
        long done = step - start;
        // Validation k of K sits at ceil(k·decay/K) steps into the cool-down.
        for (int k = 1; k <= DecayValidations; k++)
            if (done == (k * decay + DecayValidations - 1) / DecayValidations) return true;
        return false;
    }

    /// <summary>Throws <see cref="InputException"/> naming the first bad setting.</summary>
    public void Validate()
    {
        if (WarmupSteps < 1) throw InputException.About($"{InputName.Of("warmup_steps")} must be at least 1, got {WarmupSteps}");
        if (!(DecayFraction >= 0 && DecayFraction < 1)) throw InputException.About($"{InputName.Of("decay_fraction")} must be in [0, 1), got {DecayFraction}");
        if (DecayValidations < 0) throw InputException.About($"{InputName.Of("decay_validations")} must be non-negative, got {DecayValidations}");
    }
}
