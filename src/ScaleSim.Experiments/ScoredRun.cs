using ScaleSim.Training.Runs;
using ScaleSim.Training.Sweeps;

namespace ScaleSim.Experiments;

/// <summary>A completed run of a task sweep and its summary, which holds its task scores.</summary>
/// <param name="Run">The planned run.</param>
/// <param name="Summary">Its summary.json.</param>
public sealed record ScoredRun(PlannedRun Run, RunSummary Summary);
