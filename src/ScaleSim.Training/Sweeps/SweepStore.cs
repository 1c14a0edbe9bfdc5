using System.Globalization;
using ScaleSim.Training.Runs;
using ScaleSim.Training.Sweeps.Claims;

namespace ScaleSim.Training.Sweeps;

/// <summary>
/// A sweep directory as the shared state of every process that trains its runs: experiment.json (the definition the
/// runs were planned from), one directory per run, the claims (<see cref="RunClaim"/>), the tables and the lock under
/// which they are rebuilt (<see cref="StoreLock"/>), and the scheduler jobs submitted for it.
/// </summary>
public sealed class SweepStore
{
    /// <summary>The experiment file of the store.</summary>
    public const string ExperimentFile = "experiment.json";

    /// <summary>The lock file of the tables.</summary>
    public const string TablesLockFile = "tables.lock";

    /// <summary>The folder of scheduler scripts, their logs and the record of submissions.</summary>
    public const string SchedulerFolder = "slurm";

    /// <summary>The record of submitted jobs: one line per submission, the job id and then the plan indices it covers.</summary>
    public const string SubmissionsFile = "submissions.csv";

    /// <summary>How long a tables lock may be held before it is broken: a rebuild reads every run's metrics and takes seconds.</summary>
    public static readonly TimeSpan TablesLockStaleAfter = TimeSpan.FromMinutes(2);

    /// <summary>How long to wait for the tables lock before giving the refresh up (a later one includes this run).</summary>
    public static readonly TimeSpan TablesLockTimeout = TimeSpan.FromMinutes(3);

    /// <summary>Opens the store in <paramref name="directory"/> (which need not exist yet).</summary>
    public SweepStore(string directory) => Directory = directory;

    /// <summary>The sweep directory.</summary>
    public string Directory { get; }

    /// <summary>experiment.json.</summary>
    public string ExperimentPath => Path.Combine(Directory, ExperimentFile);

    /// <summary>The folder of scheduler scripts and logs.</summary>
    public string SchedulerDirectory => Path.Combine(Directory, SchedulerFolder);

    /// <summary>The directory of one run.</summary>
    public string RunPath(string run) => Path.Combine(Directory, run);

    /// <summary>Writes experiment.json for <paramref name="plan"/>, replacing whatever definition was there.</summary>
    public void WriteExperiment(SweepPlan plan)
    {
        System.IO.Directory.CreateDirectory(Directory);
        AtomicFile.WriteAllText(ExperimentPath, plan.Experiment.ToJson(), ExperimentPath + ".tmp-" + Guid.NewGuid().ToString("N"));
    }

    /// <summary>
    /// Binds the store to <paramref name="plan"/>'s experiment: the first worker on a new store writes experiment.json
    /// (by an exclusive create, so workers starting together agree on one), and every later one checks that it was
    /// written for the same definition — a worker on a node with another version of it trains nothing into the store.
    /// </summary>
    public void BindExperiment(SweepPlan plan)
    {
        System.IO.Directory.CreateDirectory(Directory);
        string definition = plan.Experiment.ToJson();
        if (Claims.ClaimFile.TryCreate(ExperimentPath, definition)) return;
        // Written by a submission atomically, or by another worker's exclusive create, which a worker that lost that
        // race may find still being written: wait while what is there could be the start of this definition.
        string found = File.ReadAllText(ExperimentPath);
        for (int wait = 0; found != definition && definition.StartsWith(found, StringComparison.Ordinal) && wait < 50; wait++)
        {
            Thread.Sleep(100);
            found = File.ReadAllText(ExperimentPath);
        }
        if (found != definition)
            throw new InputException($"{ExperimentPath} is not the definition of {plan.Experiment.Name} this worker planned from (another version of it, or another experiment)");
    }

    /// <summary>
    /// Rebuilds runs.csv, curves.csv and tasks.csv from the completed runs under the tables lock; returns the number
    /// of completed runs, or null when the lock could not be had in time (the next refresh includes this one's runs).
    /// </summary>
    public int? RefreshTables(SweepPlan plan, ClaimOwner owner, CancellationToken cancellationToken = default)
    {
        StoreLock held;
        try
        {
            held = StoreLock.Acquire(Path.Combine(Directory, TablesLockFile), owner, TablesLockStaleAfter, TablesLockTimeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            return null;
        }
        using (held) return SweepTables.Write(plan, Directory);
    }

    /// <summary>Records a submitted job and the plan indices of its tasks.</summary>
    public void RecordSubmission(string job, IReadOnlyList<int> indices, ClaimOwner owner)
    {
        System.IO.Directory.CreateDirectory(SchedulerDirectory);
        string path = Path.Combine(SchedulerDirectory, SubmissionsFile);
        using var held = StoreLock.Acquire(Path.Combine(Directory, TablesLockFile), owner, TablesLockStaleAfter, TablesLockTimeout);
        string before = File.Exists(path) ? File.ReadAllText(path) : "";
        string line = job + "," + string.Join(' ', indices.Select(i => i.ToString(CultureInfo.InvariantCulture))) + "\n";
        AtomicFile.WriteAllText(path, before + line, path + ".tmp-" + Guid.NewGuid().ToString("N"));
    }

    /// <summary>Every recorded submission, oldest first: the job id and the plan indices of its tasks.</summary>
    public IReadOnlyList<(string Job, IReadOnlyList<int> Indices)> Submissions()
    {
        string path = Path.Combine(SchedulerDirectory, SubmissionsFile);
        if (!File.Exists(path)) return [];
        var submissions = new List<(string, IReadOnlyList<int>)>();
        foreach (var line in File.ReadAllLines(path))
        {
            var parts = line.Split(',', 2);
            if (parts.Length != 2 || parts[0].Length == 0) continue;
            var indices = parts[1].Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out int i) ? i : -1)
                .Where(i => i >= 0)
                .ToList();
            submissions.Add((parts[0], indices));
        }
        return submissions;
    }
}
