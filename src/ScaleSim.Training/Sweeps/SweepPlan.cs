namespace ScaleSim.Training.Sweeps;

/// <summary>The runs of an experiment and what they will cost.</summary>
/// <param name="Experiment">The definition.</param>
/// <param name="Vocab">The data's vocabulary size.</param>
/// <param name="Runs">Every run: IsoFLOP runs first (by budget, then size), then horizons, then stems.</param>
/// <param name="Warnings">Runs that will take fewer steps than the batch rule asks for, and similar.</param>
public sealed record SweepPlan(ExperimentDefinition Experiment, int Vocab, IReadOnlyList<PlannedRun> Runs, IReadOnlyList<string> Warnings)
{
    /// <summary>Total single-core seconds, when estimated.</summary>
    public double? EstimatedCoreSeconds => Runs.All(r => r.EstimatedSeconds.HasValue) ? Runs.Sum(r => r.EstimatedSeconds!.Value) : null;

    /// <summary>
    /// Estimated wall seconds with <paramref name="parallel"/> workers, when estimated: the tasks (a stem with its branches
    /// runs in order on one worker) handed out largest first to whichever worker is free, as the sweep does.
    /// </summary>
    public double? EstimatedWallSeconds(int parallel)
    {
        var tasks = Tasks;
        if (tasks.Any(t => t.EstimatedSeconds is null)) return null;
        var workers = new double[Math.Max(1, parallel)];
        foreach (var task in tasks.OrderByDescending(t => t.OwnFlops))
        {
            int free = Array.IndexOf(workers, workers.Min());
            workers[free] += task.EstimatedSeconds!.Value;
        }
        return workers.Max();
    }

    /// <summary>
    /// The units of work: each stem with its branches (ordered by the step they start from), and each other run alone, in
    /// the order of their first run in <see cref="Runs"/> (a stem's task takes the place of its first branch). Without
    /// stems, task i is run i.
    /// </summary>
    public IReadOnlyList<SweepTask> Tasks
    {
        get
        {
            var branches = Runs.Where(r => r.IsBranch).ToLookup(r => r.Stem!);
            var stems = Runs.Where(r => r.Role == RunRole.Stem).ToDictionary(r => r.Id);
            var tasks = new List<SweepTask>();
            var placed = new HashSet<string>(StringComparer.Ordinal);
            foreach (var run in Runs)
            {
                var first = run.IsBranch && stems.TryGetValue(run.Stem!, out var stem) ? stem : run;
                if (!placed.Add(first.Id)) continue;
                tasks.Add(first.Role == RunRole.Stem ? new SweepTask([first, .. branches[first.Id].OrderBy(b => b.BranchStep).ThenBy(b => b.Id, StringComparer.Ordinal)]) : new SweepTask([first]));
            }
            return tasks;
        }
    }
}
