using ScaleSim.Training.Sweeps.Claims;

namespace ScaleSim.Training.Tests.Sweeps.Claims;

/// <summary>A Slurm queue that holds the tasks it is told to, and knows nothing of the rest.</summary>
internal sealed class FakeQueue(params string[] queued) : IJobQueue
{
    public string Scheduler { get; init; } = ClaimOwner.Slurm;

    public JobLookup Lookup(string task) => queued.Contains(task) ? new JobLookup(JobPresence.Queued, "RUNNING") : new JobLookup(JobPresence.Gone);

    public IReadOnlyDictionary<string, string>? TasksOf(string job) =>
        queued.Where(t => t.StartsWith(job + "_", StringComparison.Ordinal)).ToDictionary(t => t, _ => "PENDING");
}
