using ScaleSim.Training.Sweeps;
using ScaleSim.Training.Sweeps.Claims;

namespace ScaleSim.Training.Tests.Sweeps;

public class SweepRunnerTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("sweep-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void AKilledSweepResumesToTheSameRunsTable()
    {
        var plan = SweepPlanner.Plan(TinyExperiment.Definition());
        string straight = Path.Combine(_root, "straight");
        var outcomes = SweepRunner.Run(plan, straight, parallelRuns: 2);
        Assert.All(outcomes, o => Assert.Equal(RunOutcome.Trained, o.Outcome));
        string expected = File.ReadAllText(Path.Combine(straight, "runs.csv"));
        Assert.Equal(plan.Runs.Count + 1, expected.TrimEnd('\n').Split('\n').Length);

        // Kill after a few hundred steps in all: some runs finish, some stop part-way.
        string killed = Path.Combine(_root, "killed");
        using var cancel = new CancellationTokenSource();
        int steps = 0;
        var stopper = new Progress(e => { if (Interlocked.Increment(ref steps) == 600) cancel.Cancel(); });
        var first = SweepRunner.Run(plan, killed, parallelRuns: 2, stopper, cancel.Token);
        Assert.Contains(first, o => o.Outcome == RunOutcome.Interrupted);
        int completedBefore = File.ReadAllLines(Path.Combine(killed, "runs.csv")).Length - 1;

        var second = SweepRunner.Run(plan, killed, parallelRuns: 2);
        Assert.Equal(completedBefore, second.Count(o => o.Outcome == RunOutcome.AlreadyCompleted));
        Assert.Contains(second, o => o.Outcome == RunOutcome.Resumed);
        Assert.Equal(expected, File.ReadAllText(Path.Combine(killed, "runs.csv")));
        Assert.Equal(File.ReadAllText(Path.Combine(straight, "curves.csv")), File.ReadAllText(Path.Combine(killed, "curves.csv")));
    }

    [Fact]
    public void ACorruptRunDirectoryIsRetrainedNotParsed()
    {
        var plan = SweepPlanner.Plan(TinyExperiment.Definition());
        string directory = Path.Combine(_root, "corrupt");
        SweepRunner.Run(plan, directory, parallelRuns: 2);
        string expected = File.ReadAllText(Path.Combine(directory, "runs.csv"));
        var victim = plan.Runs[1];
        File.WriteAllText(Path.Combine(directory, victim.Id, "summary.json"), "{ half a summa");
        Assert.Null(SweepRunner.CompletedSummary(Path.Combine(directory, victim.Id)));

        var events = new List<SweepEvent>();
        var outcomes = SweepRunner.Run(plan, directory, parallelRuns: 1, new Progress(e => { lock (events) events.Add(e); }));
        Assert.Equal(RunOutcome.Retrained, outcomes.Single(o => o.Run.Id == victim.Id).Outcome);
        Assert.Contains(events, e => e.Run.Id == victim.Id && e.Note is not null && e.Note.Contains("retraining"));
        Assert.Equal(expected, File.ReadAllText(Path.Combine(directory, "runs.csv")));
    }

    [Fact]
    public void ARunClaimedByAnotherSweepIsSkipped()
    {
        var plan = SweepPlanner.Plan(TinyExperiment.Definition());
        string directory = Path.Combine(_root, "busy");
        Directory.CreateDirectory(directory);
        var claimed = plan.Runs[0];
        var attempt = RunClaim.TryAcquire(directory, claimed.Id, ClaimOwner.Current(), new ClaimOptions());
        using (var held = attempt.Claim)
        {
            Assert.NotNull(held);
            Assert.Null(RunClaim.TryAcquire(directory, claimed.Id, ClaimOwner.Current(), new ClaimOptions()).Claim);
            var outcomes = SweepRunner.Run(plan, directory, parallelRuns: 2);
            Assert.Equal(RunOutcome.Busy, outcomes.Single(o => o.Run.Id == claimed.Id).Outcome);
            Assert.False(Directory.Exists(Path.Combine(directory, claimed.Id)));
            Assert.All(outcomes.Where(o => o.Run.Id != claimed.Id), o => Assert.Equal(RunOutcome.Trained, o.Outcome));
        }
        // Released: the next sweep trains it, and only it.
        var again = SweepRunner.Run(plan, directory, parallelRuns: 2);
        Assert.Equal(RunOutcome.Trained, again.Single(o => o.Run.Id == claimed.Id).Outcome);
        Assert.Equal(plan.Runs.Count - 1, again.Count(o => o.Outcome == RunOutcome.AlreadyCompleted));
    }

    private sealed class Progress(Action<SweepEvent> report) : IProgress<SweepEvent>
    {
        public void Report(SweepEvent value) => report(value);
    }
}
