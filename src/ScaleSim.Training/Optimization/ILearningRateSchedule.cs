namespace ScaleSim.Training.Optimization;

/// <summary>The learning rate of every optimizer step of a run: a pure function of the step, so a resumed run needs no schedule state.</summary>
public interface ILearningRateSchedule
{
    /// <summary>The peak learning rate.</summary>
    double Peak { get; }

    /// <summary>Optimizer steps in the run.</summary>
    long TotalSteps { get; }

    /// <summary>Learning rate of 0-based step <paramref name="step"/>.</summary>
    double At(long step);
}
