using ScaleSim.Training.Backends;
using ScaleSim.Training.Runs;
using ScaleSim.Training.Sweeps;

namespace ScaleSim.Training.Tests.Sweeps;

/// <summary>
/// Several runs of a sweep training at once on one ILGPU device (each with its own buffers and stream on the shared
/// accelerator, as on a GPU) give the same tables, bit for bit, as the same runs trained one after another.
/// </summary>
public class SweepOnOneDeviceTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("sweep-device-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void RunsAtOnceOnIlgpuCpuWriteTheTablesOfRunsOneAtATime()
    {
        // The three smallest runs of the tiny sweep cut to 6 steps of 2 sequences of 8 tokens, two validations of 2
        // sequences: ILGPU's CPU accelerator takes about 0.1 s a step at that size.
        var full = SweepPlanner.Plan(TinyExperiment.Definition());
        var plan = full with
        {
            Experiment = full.Experiment with { ValidationSequences = 2, EvaluationsPerRun = 2 },
            Runs = [.. full.Runs.OrderBy(r => r.Flops).Take(3).Select(r => r with { Model = r.Model with { Context = 8 }, Batch = 2, Tokens = 6L * 2 * 8 })],
        };
        string together = Path.Combine(_root, "together"), alone = Path.Combine(_root, "alone");
        var outcomes = SweepRunner.Run(plan, together, parallelRuns: 3, device: TrainingDevice.IlgpuCpu);
        Assert.All(outcomes, o => Assert.Equal(RunOutcome.Trained, o.Outcome));
        SweepRunner.Run(plan, alone, parallelRuns: 1, device: TrainingDevice.IlgpuCpu);

        foreach (var run in plan.Runs)
        {
            var summary = RunDirectory.Open(Path.Combine(together, run.Id)).ReadSummary()!;
            Assert.Equal("ilgpu cpu-accelerator", summary.Backend);
            Assert.Equal(6, summary.Steps);
            int count = new ScaleSim.Training.Model.ParameterLayout(run.Model).Count;
            var a = Checkpoint.Load(Path.Combine(together, run.Id, "checkpoint.bin"), count);
            var b = Checkpoint.Load(Path.Combine(alone, run.Id, "checkpoint.bin"), count);
            Assert.Equal(b.Parameters, a.Parameters);
            Assert.Equal(b.FirstMoment, a.FirstMoment);
            Assert.Equal(b.SecondMoment, a.SecondMoment);
        }
        Assert.Equal(File.ReadAllText(Path.Combine(alone, "runs.csv")), File.ReadAllText(Path.Combine(together, "runs.csv")));
        Assert.Equal(File.ReadAllText(Path.Combine(alone, "curves.csv")), File.ReadAllText(Path.Combine(together, "curves.csv")));
    }
}
