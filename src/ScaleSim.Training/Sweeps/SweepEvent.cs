using ScaleSim.Training.Runs;

namespace ScaleSim.Training.Sweeps;

/// <summary>Progress of a sweep: a run started, advanced or finished.</summary>
/// <param name="Run">The run.</param>
/// <param name="Progress">Its latest training progress (default before the first step).</param>
/// <param name="Outcome">How it ended, once it has.</param>
/// <param name="Note">Why, when there is something to say (a corrupt directory, a divergence).</param>
public sealed record SweepEvent(PlannedRun Run, TrainingProgress Progress, RunOutcome? Outcome, string? Note = null);
