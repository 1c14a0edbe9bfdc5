using ScaleSim.Training.Data;
using ScaleSim.Training.Model;
using ScaleSim.Training.Optimization;
using ScaleSim.Training.Runs;

namespace ScaleSim.Training.Tests.Runs;

/// <summary>
/// Warmup-stable-decay branches: a cool-down started from a stem's checkpoint is the same run as one trained from scratch
/// with the branch's schedule, and a branch killed and resumed is the same run as one never killed.
/// </summary>
public class BranchTests
{
    private static readonly DataSourceSpec Source = DataSourceSpec.Parse("synthetic:k=2,V=8,smin=2,smax=3");

    // 400 steps at batch 4 × context 16; warm-up 10 steps; cool-down over the last 20% (steps 320–399).
    private static TrainingConfig Branch(long steps = 400) => new()
    {
        Layers = 1, DModel = 16, Heads = 1, Context = 16, Batch = 4, Tokens = steps * 4 * 16, Data = Source, Threads = 1,
        ValidationSequences = 12, EvalEvery = 30, FinalLearningRateFraction = 0,
        WarmupStableDecay = new WarmupStableDecay(WarmupSteps: 10, DecayFraction: 0.2, DecayValidations: 4),
    };

    // The stem: the same run at the peak rate to step 500, keeping its state at the steps branches start from.
    private static TrainingConfig Stem() => Branch(500) with { WarmupStableDecay = new WarmupStableDecay(10, DecayFraction: 0, DecayValidations: 0) };

    private static IEnumerable<object> Comparable(RunSummary s) => s.Metrics.Select(r => (object)(r with { ElapsedSeconds = 0 }));

    [Fact]
    public void TheScheduleWarmsUpHoldsThePeakAndCoolsDownToZeroOnTheLastStep()
    {
        var wsd = new WarmupStableDecay(10, 0.2);
        var sqrt = new WarmupStableDecaySchedule(1.0, 400, wsd);
        var linear = new WarmupStableDecaySchedule(1.0, 400, wsd with { Shape = DecayShape.Linear });
        Assert.Equal(80, wsd.DecaySteps(400));
        Assert.Equal(320, wsd.DecayStart(400));
        Assert.Equal(0.1, sqrt.At(0), 12);
        Assert.Equal(1.0, sqrt.At(9), 12);
        Assert.Equal(1.0, sqrt.At(319), 12);
        Assert.Equal(1 - Math.Sqrt(1 / 80.0), sqrt.At(320), 12);
        Assert.Equal(1 - 40 / 80.0, linear.At(359), 12);
        Assert.Equal(1 - Math.Sqrt(40 / 80.0), sqrt.At(359), 12);
        Assert.Equal(0.0, sqrt.At(399), 12);
        Assert.Equal(0.0, linear.At(399), 12);
        for (long s = 321; s < 400; s++) Assert.True(sqrt.At(s) < sqrt.At(s - 1));
        // 1 − √p falls faster than linear early in the cool-down.
        Assert.True(sqrt.At(330) < linear.At(330));
        // A stem holds the peak to its end.
        Assert.Equal(1.0, new WarmupStableDecaySchedule(1.0, 500, wsd with { DecayFraction = 0 }).At(499), 12);
    }

    [Fact]
    public void ABranchFromAStemCheckpointIsTheRunTrainedFromScratch()
    {
        using var dir = new TemporaryDirectory();
        var config = Branch();
        long start = config.WarmupStableDecay!.DecayStart(config.TotalSteps);
        var straight = Trainer.Run(config, dir.Combine("straight"));

        var stem = Trainer.Run(Stem(), dir.Combine("stem"), keepCheckpointsAt: new HashSet<long> { start, 450 });
        Assert.True(File.Exists(dir.Combine($"stem/step-{start}.bin")));
        Assert.True(File.Exists(dir.Combine("stem/step-450.bin")));
        var branch = Trainer.Branch(config, dir.Combine("branch"), dir.Combine("stem"), start);

        Assert.Equal(RunStatus.Completed, branch.Status);
        Assert.Equal(Comparable(straight), Comparable(branch));
        Assert.Equal(straight.FinalValidationLoss, branch.FinalValidationLoss);
        int n = new ParameterLayout(config.ModelFor(8)).Count;
        var a = Checkpoint.Load(dir.Combine("straight/checkpoint.bin"), n);
        var b = Checkpoint.Load(dir.Combine("branch/checkpoint.bin"), n);
        Assert.Equal(a.Parameters, b.Parameters);
        Assert.Equal(a.SecondMoment, b.SecondMoment);
        // The cool-down's own validations are in the curve, and the branch says where it started.
        Assert.Contains(branch.Metrics, r => r.Step == 340);
        var origin = RunDirectory.Open(dir.Combine("branch")).ReadBranchOrigin()!;
        Assert.Equal(("stem", start), (origin.Stem, origin.Step));
        Assert.True(origin.InheritedSeconds > 0 && origin.InheritedSeconds < branch.ElapsedSeconds);
        // The stem's own curve up to the branch point is the branch's.
        Assert.Equal(Comparable(stem).Take(branch.Metrics.Count(r => r.Step <= start)), Comparable(branch).Take(branch.Metrics.Count(r => r.Step <= start)));
    }

    [Fact]
    public void ABranchKilledAndResumedIsTheBranchNeverKilled()
    {
        using var dir = new TemporaryDirectory();
        var config = Branch();
        long start = config.WarmupStableDecay!.DecayStart(config.TotalSteps);
        Trainer.Run(Stem(), dir.Combine("stem"), keepCheckpointsAt: new HashSet<long> { start });
        var whole = Trainer.Branch(config, dir.Combine("whole"), dir.Combine("stem"), start);

        using var cancel = new CancellationTokenSource();
        var killed = Trainer.Branch(config, dir.Combine("killed"), dir.Combine("stem"), start, new StopAt(start + 37, cancel), cancel.Token);
        Assert.Equal(RunStatus.Interrupted, killed.Status);
        Assert.Equal(start + 37, killed.Steps);
        var resumed = Trainer.Resume(dir.Combine("killed"), threads: 2);

        Assert.Equal(Comparable(whole), Comparable(resumed));
        int n = new ParameterLayout(config.ModelFor(8)).Count;
        Assert.Equal(Checkpoint.Load(dir.Combine("whole/checkpoint.bin"), n).Parameters, Checkpoint.Load(dir.Combine("killed/checkpoint.bin"), n).Parameters);
        var origin = RunDirectory.Open(dir.Combine("killed")).ReadBranchOrigin()!;
        Assert.Equal(("stem", start), (origin.Stem, origin.Step));
    }

    [Fact]
    public void AStemThatIsNotTheBranchsRunIsRefused()
    {
        using var dir = new TemporaryDirectory();
        var config = Branch();
        long start = config.WarmupStableDecay!.DecayStart(config.TotalSteps);
        Trainer.Run(Stem() with { Seed = 1 }, dir.Combine("other-seed"), keepCheckpointsAt: new HashSet<long> { start });
        Trainer.Run(Stem() with { WarmupStableDecay = new WarmupStableDecay(20, 0) }, dir.Combine("other-warmup"), keepCheckpointsAt: new HashSet<long> { start });
        Assert.Contains("seed", Assert.Throws<InputException>(() => Trainer.Branch(config, dir.Combine("b1"), dir.Combine("other-seed"), start)).Message);
        Assert.Contains("warms up over 20 steps", Assert.Throws<InputException>(() => Trainer.Branch(config, dir.Combine("b2"), dir.Combine("other-warmup"), start)).Message);
        Assert.Contains("cool-down starts at step 320, not 300", Assert.Throws<InputException>(() => Trainer.Branch(config, dir.Combine("b3"), dir.Combine("other-seed"), 300)).Message);
        Assert.False(Directory.Exists(dir.Combine("b1")));
    }

    [Fact]
    public void EveryBatchIsScoredOnTheSameValidationSequences()
    {
        // 12 sequences: whole batches of 4 and 6, a padded last batch at 5 and 8.
        var losses = new[] { 4, 5, 6, 8 }.Select(b => Trainer.Run(Branch() with { Batch = b, Tokens = 64 * 16 }).Metrics[0]).ToList();
        var floors = new[] { 4, 5, 6, 8 }.Select(b => Trainer.Run(Branch() with { Batch = b, Tokens = 64 * 16 }).ValidationFloor).Distinct().ToList();
        Assert.Single(floors);
        // Step 0: the same initial weights scored on the same 12 sequences, whatever the batch.
        foreach (var row in losses) Assert.Equal(losses[0].ValidationLoss, row.ValidationLoss, 5);
    }

    private sealed class StopAt(long step, CancellationTokenSource cancel) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value)
        {
            if (value.Step == step) cancel.Cancel();
        }
    }
}
