using ScaleSim.Training.Sweeps;

namespace ScaleSim.Experiments;

/// <summary>
/// What <see cref="Simulation.Run"/> found. An IsoFLOP experiment gives an <see cref="IsoFlopSimulationResult"/>, a size
/// sweep on task data a <see cref="TaskSweepSimulationResult"/>, and a sweep that was stopped before every run finished
/// an <see cref="InterruptedSimulation"/> (nothing analysed; running it again resumes).
/// </summary>
/// <param name="Sweep">What its sweep did.</param>
/// <param name="Notes">What the analysis left out or warns about, for the caller to show.</param>
public abstract record SimulationResult(SweepOutcome Sweep, IReadOnlyList<string> Notes)
{
    /// <summary>The experiment.</summary>
    public abstract ExperimentDefinition Definition { get; }

    /// <summary>Single-core seconds the experiment's completed runs took to train, summed from their summaries.</summary>
    public abstract double TrainingCoreSeconds { get; }
}
