using ScaleSim.Training.Sweeps;

namespace ScaleSim.Experiments;

/// <summary>
/// An IsoFLOP experiment trained and analysed under both parameter conventions, the experiment's own first (it placed
/// the sizes and budgets), with its targets checked against that first analysis.
/// </summary>
/// <param name="Experiment">The experiment.</param>
/// <param name="Sweep">What its sweep did.</param>
/// <param name="Notes">What the analyses left out or warn about.</param>
/// <param name="Analyses">The analyses, the experiment's own convention first.</param>
/// <param name="Targets">Each target with its measured value.</param>
/// <param name="CoreSeconds">Single-core training seconds of the completed runs.</param>
public sealed record IsoFlopSimulationResult(
    IsoFlopExperiment Experiment,
    SweepOutcome Sweep,
    IReadOnlyList<string> Notes,
    IReadOnlyList<ConventionAnalysis> Analyses,
    IReadOnlyList<SimulationTarget> Targets,
    double CoreSeconds) : SimulationResult(Sweep, Notes)
{
    /// <inheritdoc />
    public override ExperimentDefinition Definition => Experiment;

    /// <summary>The analysis in the experiment's own convention.</summary>
    public ConventionAnalysis Primary => Analyses[0];

    /// <inheritdoc />
    public override double TrainingCoreSeconds => CoreSeconds;

    /// <summary>The analysis rerun under each alternative choice, the baseline first (empty when not built).</summary>
    public IReadOnlyList<Robustness.RobustnessRow> Robustness { get; init; } = [];
}
