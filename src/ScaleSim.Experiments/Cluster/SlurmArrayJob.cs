namespace ScaleSim.Experiments.Cluster;

/// <summary>A sweep's job array, before it is written as an sbatch script.</summary>
/// <param name="Name">The job name.</param>
/// <param name="Indices">The array's task indices: the plan indices of the runs to train.</param>
/// <param name="Options">What each task asks for.</param>
/// <param name="Output">Where each task's output goes (an sbatch filename pattern; its folder must exist).</param>
/// <param name="Command">The shell command each task runs, the same for all; it reads its index from SLURM_ARRAY_TASK_ID.</param>
/// <param name="Comment">Lines said at the top of the script.</param>
public sealed record SlurmArrayJob(string Name, IReadOnlyList<int> Indices, SlurmJobOptions Options, string Output, string Command, IReadOnlyList<string> Comment);
