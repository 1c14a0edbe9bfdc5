using ScaleSim.Training.Sweeps;

namespace ScaleSim.Experiments.Ladder;

/// <summary>A Kaplan-to-Chinchilla ladder trained and analysed: a per step, and the last step counted both ways.</summary>
/// <param name="Experiment">The experiment.</param>
/// <param name="Sweep">What its sweep did.</param>
/// <param name="Notes">Runs left out, steps that could not be fitted, and similar.</param>
/// <param name="Steps">Porian et al.'s steps, Kaplan's protocol first.</param>
/// <param name="Conventions">The last step's runs with N counting every parameter, then without the embeddings (Pearce &amp; Song 2024).</param>
/// <param name="CoreSeconds">Single-core training seconds of the completed runs.</param>
public sealed record ProtocolLadderSimulationResult(
    ProtocolLadderExperiment Experiment,
    SweepOutcome Sweep,
    IReadOnlyList<string> Notes,
    IReadOnlyList<LadderStep> Steps,
    IReadOnlyList<LadderStep> Conventions,
    double CoreSeconds) : SimulationResult(Sweep, Notes)
{
    /// <summary>The widest 95% half-width on a that the report checks each step against (issue 13's target).</summary>
    public const double TargetHalfWidth = 0.06;

    /// <inheritdoc />
    public override ExperimentDefinition Definition => Experiment;

    /// <inheritdoc />
    public override double TrainingCoreSeconds => CoreSeconds;
}
