using ScaleSim.Training.Sweeps.Claims;

namespace ScaleSim.Training.Tests.Sweeps.Claims;

/// <summary>
/// The claim protocol: racing workers never both win a generation, a released claim is handed on at once, an abandoned
/// one is taken over by whichever rule says its owner is gone — and never while its owner is alive — and an owner
/// whose claim was taken over finds out at its next heartbeat and writes nothing more.
/// </summary>
public class RunClaimTests : IDisposable
{
    private static readonly ClaimOptions Options = new() { HeartbeatInterval = TimeSpan.FromMinutes(1), StaleAfter = TimeSpan.FromMinutes(5) };

    private readonly string _root = Directory.CreateTempSubdirectory("claims-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void ThreadsRacingForOneRunHaveOneWinnerInEveryRound()
    {
        const int threads = 8, rounds = 40;
        var owner = ClaimOwner.Current();
        var attempts = new ClaimAttempt[rounds, threads];
        // Dedicated threads, released together each round: a pool would start them one by one.
        using var start = new Barrier(threads);
        using var done = new Barrier(threads);
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            for (int round = 0; round < rounds; round++)
            {
                // Half the rounds race for a fresh run, half for a run whose last claim was just released.
                string run = round % 2 == 0 ? $"fresh-{round}" : "handed-on";
                start.SignalAndWait();
                var attempt = attempts[round, t] = RunClaim.TryAcquire(_root, run, owner, Options);
                done.SignalAndWait();
                // The winner hands the run on only once every thread has tried.
                if (attempt.Claim is { } won) { won.Release("trained"); won.Dispose(); }
                done.SignalAndWait();
            }
        })).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());

        for (int round = 0; round < rounds; round++)
        {
            var all = Enumerable.Range(0, threads).Select(t => attempts[round, t]).ToList();
            Assert.Single(all, a => a.Claim is not null);
            // A loser saw the winner's claim, or its file before the winner had written it.
            Assert.All(all.Where(a => a.Claim is null), a => Assert.Matches("held by|being written", a.Note));
        }
        // Every round on the shared run made exactly one new generation.
        Assert.Equal(rounds / 2 - 1, RunClaim.Current(_root, "handed-on", out _)!.Generation);
    }

    [Fact]
    public void AClaimSilentLongerThanTheStaleTimeIsTakenOverAndItsOwnerFindsOut()
    {
        var elsewhere = new ClaimOwner("node-17", 4242, DateTimeOffset.UtcNow.AddHours(-1));
        using var held = RunClaim.TryAcquire(_root, "r", elsewhere, Options).Claim!;
        var me = ClaimOwner.Current();

        // Alive (a heartbeat a moment ago): not taken.
        var busy = RunClaim.TryAcquire(_root, "r", me, Options);
        Assert.Null(busy.Claim);
        Assert.Equal(elsewhere, busy.Holder!.Owner);

        // Silent for six minutes: taken over as the next generation.
        Backdate("r", 0, TimeSpan.FromMinutes(6));
        using var taken = RunClaim.TryAcquire(_root, "r", me, Options).Claim!;
        Assert.Equal(1, taken.Record.Generation);
        Assert.False(held.IsLost);

        // The old owner's next heartbeat sees generation 1 and stops; its release writes nothing.
        held.Beat();
        Assert.True(held.IsLost);
        Assert.True(held.LostToken.IsCancellationRequested);
        Assert.Throws<ClaimLostException>(held.ThrowIfLost);
        Assert.False(held.Release("trained"));
        Assert.Equal(ClaimState.Claimed, RunClaim.Current(_root, "r", out _)!.State);
        Assert.Equal(taken.Record.Token, RunClaim.Current(_root, "r", out _)!.Token);
        taken.Beat();
        Assert.False(taken.IsLost);
    }

    [Fact]
    public void AClaimWhoseProcessIsGoneFromThisHostIsTakenOverAtOnce()
    {
        // This host, this process id, but another start time: the owner was an earlier process with the same id.
        var dead = ClaimOwner.Current() with { ProcessStart = new DateTimeOffset(2001, 1, 1, 0, 0, 0, TimeSpan.Zero) };
        Assert.False(dead.IsRunningHere());
        Assert.True(ClaimOwner.Current().IsRunningHere());
        Assert.Null((dead with { Host = "elsewhere" }).IsRunningHere());
        using var abandoned = RunClaim.TryAcquire(_root, "r", dead, Options).Claim!;

        var attempt = RunClaim.TryAcquire(_root, "r", ClaimOwner.Current(), Options);
        Assert.NotNull(attempt.Claim);
        Assert.Contains("no longer running", attempt.Note);

        // A process alive on this host keeps its claim however late its heartbeat (starved, or suspended).
        Backdate("r", 1, TimeSpan.FromMinutes(20));
        var late = RunClaim.TryAcquire(_root, "r", ClaimOwner.Current() with { Pid = 1, ProcessStart = default }, Options);
        Assert.Null(late.Claim);
        Assert.Contains("held by", late.Note);
        attempt.Claim!.Dispose();
    }

    [Fact]
    public void AClaimIsTakenOverWhenItsSlurmTaskLeftTheQueueOrIsAnEarlierAttemptOfMyTask()
    {
        var task = new ClaimOwner("node-3", 100, DateTimeOffset.UtcNow, ClaimOwner.Slurm, "77_4");
        using var held = RunClaim.TryAcquire(_root, "r", task, Options).Claim!;
        var otherTask = new ClaimOwner("node-5", 200, DateTimeOffset.UtcNow, ClaimOwner.Slurm, "77_9");

        Assert.Null(RunClaim.TryAcquire(_root, "r", otherTask, Options with { Queue = new FakeQueue("77_4") }).Claim);
        Assert.Null(RunClaim.TryAcquire(_root, "r", otherTask, Options).Claim);
        // Another cluster's queue, which has never heard of this task, cannot take it for gone: the heartbeat decides.
        var otherCluster = new FakeQueue { Scheduler = ClaimOwner.SlurmScheduler("other") };
        Assert.Null(RunClaim.TryAcquire(_root, "r", otherTask, Options with { Queue = otherCluster }).Claim);
        // Silent past the stale time but still in the queue (suspended, say): the queue outranks the heartbeat.
        Backdate("r", 0, TimeSpan.FromMinutes(20));
        var suspended = RunClaim.TryAcquire(_root, "r", otherTask, Options with { Queue = new FakeQueue("77_4") });
        Assert.Null(suspended.Claim);
        Assert.Contains("RUNNING", suspended.Note);

        // The same task started again (a requeue): its earlier attempt cannot be running any more.
        var requeued = task with { Host = "node-8", Pid = 300 };
        var again = RunClaim.TryAcquire(_root, "r", requeued, Options);
        Assert.NotNull(again.Claim);
        Assert.Contains("earlier attempt", again.Note);
        again.Claim!.Release("interrupted");

        // Gone from the queue: stale at once, without waiting for the heartbeat to age.
        using var third = RunClaim.TryAcquire(_root, "r", task with { Task = "77_5" }, Options).Claim!;
        var gone = RunClaim.TryAcquire(_root, "r", otherTask, Options with { Queue = new FakeQueue("77_9") });
        Assert.NotNull(gone.Claim);
        Assert.Contains("no longer in the slurm queue", gone.Note);
        Assert.Equal(3, gone.Claim!.Record.Generation);
        gone.Claim.Dispose();
    }

    [Fact]
    public void AClaimFileStillBeingWrittenIsLeftAloneUntilItIsStale()
    {
        string directory = Path.Combine(_root, RunClaim.Folder, "r");
        Directory.CreateDirectory(directory);
        string file = Path.Combine(directory, "0.json");
        File.WriteAllText(file, "");
        var me = ClaimOwner.Current();
        var attempt = RunClaim.TryAcquire(_root, "r", me, Options);
        Assert.Null(attempt.Claim);
        Assert.Contains("being written", attempt.Note);

        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddMinutes(-10));
        using var claim = RunClaim.TryAcquire(_root, "r", me, Options).Claim!;
        Assert.Equal(1, claim.Record.Generation);
    }

    [Fact]
    public void HeartbeatsKeepAClaimFreshAndReleaseHandsItOn()
    {
        // Stale after 3 s: wide enough that a loaded thread pool does not starve the heartbeat timer that long.
        var fast = new ClaimOptions { HeartbeatInterval = TimeSpan.FromMilliseconds(50), StaleAfter = TimeSpan.FromSeconds(3) };
        var elsewhere = new ClaimOwner("node-2", 1, DateTimeOffset.UtcNow);
        var claim = RunClaim.TryAcquire(_root, "r", elsewhere, fast).Claim!;
        var first = RunClaim.Current(_root, "r", out _)!.HeartbeatAt;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (RunClaim.Current(_root, "r", out _)!.HeartbeatAt == first && DateTime.UtcNow < deadline) Thread.Sleep(20);
        Assert.True(RunClaim.Current(_root, "r", out _)!.HeartbeatAt > first);

        // Past the stale time, an owner on another host that keeps its heartbeat is still alive.
        Thread.Sleep(TimeSpan.FromSeconds(3.3));
        Assert.Null(RunClaim.TryAcquire(_root, "r", ClaimOwner.Current(), fast).Claim);

        Assert.True(claim.Release("trained", "done"));
        claim.Dispose();
        var released = RunClaim.Current(_root, "r", out _)!;
        Assert.Equal(ClaimState.Released, released.State);
        Assert.Equal("trained", released.Outcome);
        var next = RunClaim.TryAcquire(_root, "r", ClaimOwner.Current(), fast);
        Assert.NotNull(next.Claim);
        Assert.Null(next.Note);
        next.Claim!.Dispose();
    }

    [Fact]
    public void TheStaleTimeMustLeaveRoomForHeartbeats()
    {
        var error = Assert.Throws<InputException>(() => new ClaimOptions { HeartbeatInterval = TimeSpan.FromMinutes(1), StaleAfter = TimeSpan.FromMinutes(1) }.Validate());
        Assert.Equal(["stale_after"], error.Parameters);
    }

    private void Backdate(string run, int generation, TimeSpan age)
    {
        string path = Path.Combine(_root, RunClaim.Folder, run, $"{generation}.json");
        var record = ClaimFile.Read(path)!;
        File.WriteAllText(path, ClaimFile.Serialize(record with { HeartbeatAt = DateTimeOffset.UtcNow - age }));
    }
}
