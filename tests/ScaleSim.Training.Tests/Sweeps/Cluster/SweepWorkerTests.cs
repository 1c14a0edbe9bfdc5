using ScaleSim.Training.Sweeps;
using ScaleSim.Training.Sweeps.Claims;
using ScaleSim.Training.Sweeps.Cluster;
using ScaleSim.Training.Tests.Sweeps.Claims;

namespace ScaleSim.Training.Tests.Sweeps.Cluster;

/// <summary>
/// Workers of one sweep, as a cluster runs them: racing for every run they each train it once between them, and a
/// worker stopped mid-run (what SIGTERM becomes) leaves a run the next worker resumes to the same bits.
/// </summary>
public class SweepWorkerTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("workers-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void WorkersRacingInThreadsTrainEveryRunExactlyOnce()
    {
        var plan = SweepPlanner.Plan(TinyExperiment.Definition());
        string straight = Path.Combine(_root, "straight"), shared = Path.Combine(_root, "shared");
        SweepRunner.Run(plan, straight, parallelRuns: 2);

        // Six workers on a new store (the first to start sets it up), each going through every task index in its own order, three copies of each run in flight.
        const int workers = 6;
        var sessions = new System.Collections.Concurrent.ConcurrentBag<RunSessionResult>();
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, w =>
        {
            var order = Enumerable.Range(0, plan.Runs.Count).OrderBy(i => (i * 7 + w * 3) % plan.Runs.Count);
            foreach (int i in order) sessions.Add(SweepWorker.Run(plan, shared, i, new WorkerOptions()).Single());
        });

        Assert.Equal(workers * plan.Runs.Count, sessions.Count);
        foreach (var run in plan.Runs)
        {
            var mine = sessions.Where(s => s.Run.Id == run.Id).ToList();
            Assert.Single(mine, s => s.Outcome == RunOutcome.Trained);
            Assert.All(mine.Where(s => s.Outcome != RunOutcome.Trained), s => Assert.Contains(s.Outcome, new[] { RunOutcome.Busy, RunOutcome.AlreadyCompleted }));
            // Steps trained over all sessions: the run's steps, once.
            Assert.Equal(run.Steps, mine.Sum(s => s.StepsTrained));
        }
        Assert.Equal(File.ReadAllText(Path.Combine(straight, "runs.csv")), File.ReadAllText(Path.Combine(shared, "runs.csv")));
        Assert.Equal(File.ReadAllText(Path.Combine(straight, "curves.csv")), File.ReadAllText(Path.Combine(shared, "curves.csv")));
        Assert.Empty(Directory.EnumerateFiles(shared, "*.tmp*"));
    }

    [Fact]
    public void AWorkerStoppedMidRunLeavesARunTheNextWorkerResumesToTheSameBits()
    {
        var plan = SweepPlanner.Plan(TinyExperiment.Definition());
        string straight = Path.Combine(_root, "straight"), stopped = Path.Combine(_root, "stopped");
        SweepRunner.Run(plan, straight, parallelRuns: 2);
        new SweepStore(stopped).WriteExperiment(plan);
        int index = Enumerable.Range(0, plan.Runs.Count).MaxBy(i => plan.Runs[i].Steps);
        var run = plan.Runs[index];

        // Stopped between two validations, as a SIGTERM arriving at any moment would.
        using var cancel = new CancellationTokenSource();
        var stopAt = run.Steps / 2 + 3;
        var progress = new Progress(e => { if (e.Progress.Step == stopAt) cancel.Cancel(); });
        var first = SweepWorker.Run(plan, stopped, index, new WorkerOptions(), progress, cancel.Token).Single();
        Assert.Equal(RunOutcome.Interrupted, first.Outcome);
        Assert.Equal(stopAt, first.ToStep);
        var released = RunClaim.Current(stopped, run.Id, out _)!;
        Assert.Equal(ClaimState.Released, released.State);
        Assert.Equal("interrupted", released.Outcome);
        var status = SweepStatus.Read(plan, stopped, new ClaimOptions());
        Assert.Equal(SweepRunState.Pending, status.Runs[index].State);

        var second = SweepWorker.Run(plan, stopped, index, new WorkerOptions()).Single();
        Assert.Equal(RunOutcome.Resumed, second.Outcome);
        Assert.Equal(first.ToStep, second.FromStep);
        Assert.Equal(run.Steps, second.ToStep);
        Assert.Equal(1, second.CompletedRuns);
        Assert.Equal(1, second.ClaimGeneration);

        // The resumed run's row and curve are the uninterrupted run's, to the last bit.
        string Row(string directory) => File.ReadAllLines(Path.Combine(directory, "runs.csv")).Single(l => l.StartsWith(run.Id + ",", StringComparison.Ordinal));
        IEnumerable<string> Curve(string directory) => File.ReadAllLines(Path.Combine(directory, "curves.csv")).Where(l => l.StartsWith(run.Id + ",", StringComparison.Ordinal));
        Assert.Equal(Row(straight), Row(stopped));
        Assert.Equal(Curve(straight), Curve(stopped));
    }

    [Fact]
    public void AWorkerRefusesAStoreOfAnotherExperimentAndATaskOutsideThePlan()
    {
        var plan = SweepPlanner.Plan(TinyExperiment.Definition());
        string store = Path.Combine(_root, "store");
        new SweepStore(store).WriteExperiment(SweepPlanner.Plan(TinyExperiment.Definition("another")));
        var other = Assert.Throws<InputException>(() => SweepWorker.Run(plan, store, 0, new WorkerOptions()));
        Assert.Contains("tiny-test", other.Message);

        var index = Assert.Throws<InputException>(() => SweepWorker.Run(plan, store, plan.Runs.Count, new WorkerOptions()));
        Assert.Equal(["task_index"], index.Parameters);
        Assert.False(Directory.Exists(Path.Combine(store, plan.Runs[0].Id)));
    }

    [Fact]
    public void StatusCountsRunsByWhereTheyStand()
    {
        var plan = SweepPlanner.Plan(TinyExperiment.Definition());
        string store = Path.Combine(_root, "status");
        new SweepStore(store).WriteExperiment(plan);
        Assert.Equal(plan.Runs.Count, SweepStatus.Read(plan, store, new ClaimOptions()).Counts.Pending);

        // Two completed, one diverged-free run left part-way, one held by a live worker elsewhere, one failed, one stale.
        SweepWorker.Run(plan, store, 0, new WorkerOptions());
        SweepWorker.Run(plan, store, 1, new WorkerOptions());
        var elsewhere = new ClaimOwner("node-4", 9, DateTimeOffset.UtcNow, ClaimOwner.Slurm, "51_2");
        using var running = RunClaim.TryAcquire(store, plan.Runs[2].Id, elsewhere, new ClaimOptions()).Claim!;
        running.MarkTraining();
        using var claimed = RunClaim.TryAcquire(store, plan.Runs[3].Id, elsewhere with { Task = "51_3" }, new ClaimOptions()).Claim!;
        RunClaim.TryAcquire(store, plan.Runs[4].Id, elsewhere with { Task = "51_4" }, new ClaimOptions()).Claim!.Release(ClaimRecord.FailedOutcome, "OutOfMemoryException: boom");
        using var stale = RunClaim.TryAcquire(store, plan.Runs[5].Id, elsewhere with { Task = "51_5" }, new ClaimOptions()).Claim!;
        new SweepStore(store).RecordSubmission("51", [2, 3, 4, 5, 6], ClaimOwner.Current());

        var report = SweepStatus.Read(plan, store, new ClaimOptions { Queue = new FakeQueue("51_2", "51_3", "51_6") });
        Assert.Equal(new SweepStatusCounts(plan.Runs.Count - 5, 1, 1, 2, 0, 1), report.Counts);
        Assert.Equal(2, report.TabledRuns);
        Assert.Equal(SweepRunState.Running, report.Runs[2].State);
        Assert.Equal("RUNNING", report.Runs[2].QueueState);
        Assert.Equal(SweepRunState.Claimed, report.Runs[3].State);
        Assert.Equal(SweepRunState.Failed, report.Runs[4].State);
        Assert.Contains("boom", report.Runs[4].Note);
        Assert.Equal(SweepRunState.Pending, report.Runs[5].State);
        Assert.Contains("no longer in the slurm queue", report.Runs[5].Note);
        Assert.Equal("PENDING (51_6)", report.Runs[6].QueueState);
        Assert.True(report.QueueConsulted);
    }

    private sealed class Progress(Action<SweepEvent> report) : IProgress<SweepEvent>
    {
        public void Report(SweepEvent value) => report(value);
    }
}
