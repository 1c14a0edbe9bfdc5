using ScaleSim.Training.Sweeps;

namespace ScaleSim.Experiments;

/// <summary>A simulation whose sweep was stopped before every run finished: nothing is analysed, and running it again resumes.</summary>
public sealed record InterruptedSimulation(ExperimentDefinition Experiment, SweepOutcome Sweep)
    : SimulationResult(Sweep, [])
{
    /// <inheritdoc />
    public override ExperimentDefinition Definition => Experiment;

    /// <inheritdoc />
    public override double TrainingCoreSeconds => 0;
}
