namespace ScaleSim.Training.Sweeps.Claims;

/// <summary>A scheduler's queue, asked about the tasks that hold claims and the tasks submitted for a sweep.</summary>
public interface IJobQueue
{
    /// <summary>The scheduler's name, as <see cref="ClaimOwner.Scheduler"/> gives it.</summary>
    string Scheduler { get; }

    /// <summary>Whether <paramref name="task"/> is still in the queue.</summary>
    JobLookup Lookup(string task);

    /// <summary>Every task of <paramref name="job"/> still in the queue, by task name, with its state; null when the queue cannot be asked.</summary>
    IReadOnlyDictionary<string, string>? TasksOf(string job);
}
