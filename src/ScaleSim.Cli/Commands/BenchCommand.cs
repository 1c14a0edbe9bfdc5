using System.CommandLine;

namespace ScaleSim.Cli.Commands;

/// <summary><c>scalesim bench …</c>: timed benchmarks, each run after warm-up (never timed in unit tests).</summary>
internal static class BenchCommand
{
    public static Command Create(CliContext context)
    {
        var bench = new Command("bench", "Benchmarks: time the fitter and the training backends after warm-up; measure analyze --predict-at on synthetic sweeps; verify a training device.");
        // Subcommands: one line each.
        bench.Subcommands.Add(BenchFitCommand.Create(context));
        bench.Subcommands.Add(BenchTrainCommand.Create(context));
        bench.Subcommands.Add(BenchPredictCommand.Create(context));
        bench.Subcommands.Add(BenchVerifyCommand.Create(context));
        bench.Subcommands.Add(BenchConcurrentCommand.Create(context));
        bench.Subcommands.Add(BenchPtxCommand.Create(context));
        return bench;
    }
}
