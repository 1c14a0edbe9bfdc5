using ScaleSim.Training.Sweeps;

namespace ScaleSim.Experiments.Grids;

/// <summary>A training grid trained and read back: every completed cell, the best learning rate per setting and, when
/// both schedules were trained, how the branches compare with cosine runs.</summary>
/// <param name="Experiment">The experiment.</param>
/// <param name="Sweep">What its sweep did.</param>
/// <param name="Notes">Cells not completed, and similar.</param>
/// <param name="Cells">Every completed cell.</param>
/// <param name="Optima">The learning rates tried per width, batch, token ratio and schedule.</param>
/// <param name="Comparison">Branches against cosine runs, when the grid has both.</param>
/// <param name="CoreSeconds">Single-core training seconds, each counted once.</param>
public sealed record TrainingGridSimulationResult(
    TrainingGridExperiment Experiment,
    SweepOutcome Sweep,
    IReadOnlyList<string> Notes,
    IReadOnlyList<GridCell> Cells,
    IReadOnlyList<LearningRateOptimum> Optima,
    ScheduleComparison? Comparison,
    double CoreSeconds) : SimulationResult(Sweep, Notes)
{
    /// <summary>The comparison restricted to pairs whose runs both take at least the batch rule's minimum steps, when that leaves some out.</summary>
    public ScheduleComparison? LongRunComparison { get; init; }

    /// <inheritdoc />
    public override ExperimentDefinition Definition => Experiment;

    /// <inheritdoc />
    public override double TrainingCoreSeconds => CoreSeconds;
}
