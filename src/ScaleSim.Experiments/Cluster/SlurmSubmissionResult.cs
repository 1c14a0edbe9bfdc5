using ScaleSim.Training.Sweeps;

namespace ScaleSim.Experiments.Cluster;

/// <summary>What a submission did.</summary>
/// <param name="JobId">The array job's id (null for a dry run, or when nothing was left to submit).</param>
/// <param name="Tasks">The plan's tasks given an array task (a run, or a stem and its branches), in plan order.</param>
/// <param name="Indices">Their task indices in the plan: the array's task ids.</param>
/// <param name="ScriptPath">Where the script was written (null for a dry run, or when nothing was left).</param>
/// <param name="Script">The script (empty when nothing was left to submit).</param>
public sealed record SlurmSubmissionResult(string? JobId, IReadOnlyList<SweepTask> Tasks, IReadOnlyList<int> Indices, string? ScriptPath, string Script);
