using System.Globalization;

namespace ScaleSim.Training.Sweeps.Claims;

/// <summary>
/// An exclusive claim on one run of a sweep, safe where the sweep directory is a shared file system seen by many hosts
/// (docs/cluster.md gives the race analysis). A run's claims are a chain of generation files,
/// <c>claims/RUN/0.json</c>, <c>1.json</c>, …; the highest is the current one. Generation g+1 can only come into being
/// by an exclusive create, and only once g was released or judged abandoned, so at most one worker wins each
/// generation, and the owner of g has lost the run as soon as g+1 exists — which it checks at every heartbeat. No file
/// of the chain is ever deleted or renamed by anyone but its owner, so a slow reader never mistakes a new claim for an
/// old one. While held, a timer rewrites the heartbeat; when a takeover is seen, <see cref="LostToken"/> is cancelled.
/// </summary>
public sealed class RunClaim : IDisposable
{
    /// <summary>The folder of the sweep directory that holds every run's claims.</summary>
    public const string Folder = "claims";

    // Enough for any chain that is not being created in a tight loop by a broken worker.
    private const int MaxAttempts = 10_000;

    private readonly string _directory;
    private readonly ClaimOptions _options;
    private readonly object _gate = new();
    private readonly CancellationTokenSource _lost = new();
    private readonly Timer _heartbeat;
    private ClaimRecord _record;
    private bool _finished;

    private RunClaim(string directory, ClaimRecord record, ClaimOptions options)
    {
        _directory = directory;
        _record = record;
        _options = options;
        _heartbeat = new Timer(_ => Beat(), null, options.HeartbeatInterval, options.HeartbeatInterval);
    }

    /// <summary>The claim as last written.</summary>
    public ClaimRecord Record { get { lock (_gate) return _record; } }

    /// <summary>Cancelled when another worker has taken the run over.</summary>
    public CancellationToken LostToken => _lost.Token;

    /// <summary>Whether another worker has taken the run over.</summary>
    public bool IsLost => _lost.IsCancellationRequested;

    /// <summary>Why the claim was lost, once it was.</summary>
    public string? LostReason { get; private set; }

    /// <summary>
    /// Claims <paramref name="run"/> in the sweep directory <paramref name="sweepDirectory"/> for
    /// <paramref name="owner"/>: creates the first generation, or the next one when the current one was released or
    /// its owner is gone (<see cref="Judge"/>). Returns the holder instead when a live claim keeps the run.
    /// </summary>
    public static ClaimAttempt TryAcquire(string sweepDirectory, string run, ClaimOwner owner, ClaimOptions options)
    {
        options.Validate();
        string directory = DirectoryOf(sweepDirectory, run);
        Directory.CreateDirectory(directory);
        int generation = CurrentGeneration(directory);
        string? note = null;
        for (int attempt = 0; attempt < MaxAttempts; attempt++)
        {
            if (generation >= 0)
            {
                var current = ClaimFile.Read(PathOf(directory, generation));
                var judgement = Judge(current, PathOf(directory, generation), owner, options, DateTimeOffset.UtcNow);
                if (!judgement.Takeable) return new ClaimAttempt(null, current, judgement.Reason);
                note = judgement.Stale ? $"took over claim {generation} ({judgement.Reason})" : null;
            }
            var now = DateTimeOffset.UtcNow;
            var record = new ClaimRecord(run, generation + 1, Guid.NewGuid().ToString("N"), owner, now, now, ClaimState.Claimed);
            if (ClaimFile.TryCreate(PathOf(directory, generation + 1), record))
                return new ClaimAttempt(new RunClaim(directory, record, options), null, note);
            // Someone else created that generation first: it is now the one to judge.
            generation++;
        }
        throw new IOException($"{directory}: gave up claiming {run} after {MaxAttempts} generations");
    }

    /// <summary>The current generation of <paramref name="run"/>'s claim, or null when it was never claimed.</summary>
    public static ClaimRecord? Current(string sweepDirectory, string run, out string? path)
    {
        string directory = DirectoryOf(sweepDirectory, run);
        path = null;
        if (!Directory.Exists(directory)) return null;
        int generation = CurrentGeneration(directory);
        if (generation < 0) return null;
        path = PathOf(directory, generation);
        return ClaimFile.Read(path);
    }

    /// <summary>
    /// Whether the claim in <paramref name="path"/> (read as <paramref name="record"/>; null when unreadable) may be
    /// superseded by <paramref name="me"/>: when it was released; when it is an earlier attempt of my own scheduler
    /// task (a scheduler runs one attempt of a task at a time); when its process is gone from this host; when its task
    /// is gone from the scheduler's queue; or — only where neither this host nor the queue can tell — when its
    /// heartbeat is older than <see cref="ClaimOptions.StaleAfter"/>. An unreadable file is a claim being written,
    /// unless it is that old.
    /// </summary>
    public static ClaimJudgement Judge(ClaimRecord? record, string path, ClaimOwner me, ClaimOptions options, DateTimeOffset now)
    {
        if (record is null)
        {
            DateTimeOffset written;
            try { written = File.GetLastWriteTimeUtc(path); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { written = now; }
            double age = (now - written).TotalSeconds;
            return age > options.StaleAfter.TotalSeconds
                ? new ClaimJudgement(true, true, $"unreadable claim file, {Minutes(age)} old")
                : new ClaimJudgement(false, false, "a claim being written");
        }
        if (record.State == ClaimState.Released)
            return new ClaimJudgement(true, false, $"released by {record.Owner}{(record.Outcome is null ? "" : $" ({record.Outcome})")}");
        if (record.Owner.IsSameTask(me) && !record.Owner.IsSameProcess(me))
            return new ClaimJudgement(true, true, $"held by an earlier attempt of this task, {record.Owner}");
        switch (record.Owner.IsRunningHere())
        {
            case false:
                return new ClaimJudgement(true, true, $"{record.Owner} is no longer running");
            case true:
                // Alive on this host: a heartbeat late because the process was starved or suspended is no abandonment.
                return new ClaimJudgement(false, false, $"held by {record.Owner} (heartbeat {(now - record.HeartbeatAt).TotalSeconds:F0} s ago)");
        }
        double silence = (now - record.HeartbeatAt).TotalSeconds;
        if (options.Queue is { } queue && record.Owner.Scheduler == queue.Scheduler && record.Owner.Task is { } task)
        {
            // The queue outranks the heartbeat: a task it still holds may be suspended (preemption by suspension) or
            // stalled, and would train on when it resumes; a task it no longer holds has no process left.
            var lookup = queue.Lookup(task);
            if (lookup.Presence == JobPresence.Gone)
                return new ClaimJudgement(true, true, $"{record.Owner}: its task is no longer in the {queue.Scheduler} queue");
            if (lookup.Presence == JobPresence.Queued)
                return new ClaimJudgement(false, false, $"held by {record.Owner}, {lookup.State ?? "queued"} (heartbeat {silence:F0} s ago)");
        }
        if (silence > options.StaleAfter.TotalSeconds)
            return new ClaimJudgement(true, true, $"{record.Owner} silent for {Minutes(silence)} (stale after {Minutes(options.StaleAfter.TotalSeconds)})");
        return new ClaimJudgement(false, false, $"held by {record.Owner} (heartbeat {silence:F0} s ago)");
    }

    /// <summary>Records that the run is training (the claim was taken for inspection until now).</summary>
    public void MarkTraining() => Rewrite(r => r with { State = ClaimState.Training });

    /// <summary>Throws <see cref="ClaimLostException"/> when another worker has taken the run over.</summary>
    public void ThrowIfLost()
    {
        if (IsLost) throw new ClaimLostException(Record.Run, LostReason ?? "taken over");
    }

    /// <summary>
    /// Gives the run up with how this session ended, so the next worker may claim it at once; stops the heartbeat.
    /// Returns false (and writes nothing) when the claim had already been lost.
    /// </summary>
    public bool Release(string outcome, string? message = null)
    {
        lock (_gate)
        {
            if (_finished) return false;
            _finished = true;
            _heartbeat.Dispose();
            if (!StillMine()) return false;
            var released = _record with { State = ClaimState.Released, HeartbeatAt = DateTimeOffset.UtcNow, Outcome = outcome, Message = message };
            ClaimFile.Replace(PathOf(_directory, _record.Generation), released, _record.Token);
            _record = released;
            return true;
        }
    }

    /// <summary>Releases the claim (with no outcome) unless that was done already.</summary>
    public void Dispose()
    {
        try
        {
            Release("abandoned", "the owner stopped without saying how the run ended");
        }
        catch (IOException)
        {
            // The heartbeat stops here whatever happens; an unreleased claim goes stale and is taken over.
        }
        _lost.Dispose();
    }

    /// <summary>One heartbeat: the claim must still be mine, then its heartbeat time is rewritten.</summary>
    internal void Beat()
    {
        lock (_gate)
        {
            if (_finished) return;
            try
            {
                if (!StillMine()) return;
                _record = _record with { HeartbeatAt = DateTimeOffset.UtcNow };
                ClaimFile.Replace(PathOf(_directory, _record.Generation), _record, _record.Token);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A file system hiccup is not a lost claim: the next beat tries again, and a claim silent for long
                // enough is taken over, which the next beat that gets through notices.
            }
        }
    }

    private void Rewrite(Func<ClaimRecord, ClaimRecord> change)
    {
        lock (_gate)
        {
            if (_finished || !StillMine()) return;
            _record = change(_record) with { HeartbeatAt = DateTimeOffset.UtcNow };
            ClaimFile.Replace(PathOf(_directory, _record.Generation), _record, _record.Token);
        }
    }

    // Under _gate. The next generation existing means a takeover; a missing or foreign file means the chain was
    // tampered with (deleted by hand): either way the run is no longer ours.
    private bool StillMine()
    {
        if (IsLost) return false;
        string? reason = null;
        if (File.Exists(PathOf(_directory, _record.Generation + 1)))
            reason = $"claim {_record.Generation + 1} exists: {ClaimFile.Read(PathOf(_directory, _record.Generation + 1))?.Owner.ToString() ?? "another worker"} took the run over";
        else if (ClaimFile.Read(PathOf(_directory, _record.Generation)) is not { } mine || mine.Token != _record.Token)
            reason = $"claim {_record.Generation} is no longer this worker's";
        if (reason is null) return true;
        LostReason = reason;
        _lost.Cancel();
        return false;
    }

    /// <summary>The folder of <paramref name="run"/>'s claims.</summary>
    internal static string DirectoryOf(string sweepDirectory, string run) => Path.Combine(sweepDirectory, Folder, run);

    /// <summary>The file of one generation.</summary>
    internal static string PathOf(string directory, int generation) =>
        Path.Combine(directory, generation.ToString(CultureInfo.InvariantCulture) + ".json");

    // The highest generation whose file exists, or -1. The listing may lag on a shared file system; probing upward
    // corrects it, and an exclusive create that fails corrects it again.
    private static int CurrentGeneration(string directory)
    {
        int highest = -1;
        foreach (var file in Directory.EnumerateFiles(directory, "*.json"))
        {
            if (int.TryParse(Path.GetFileNameWithoutExtension(file), NumberStyles.None, CultureInfo.InvariantCulture, out int g))
                highest = Math.Max(highest, g);
        }
        while (File.Exists(PathOf(directory, highest + 1))) highest++;
        return highest;
    }

    private static string Minutes(double seconds) => seconds < 120
        ? string.Create(CultureInfo.InvariantCulture, $"{seconds:F0} s")
        : string.Create(CultureInfo.InvariantCulture, $"{seconds / 60:F1} min");
}
