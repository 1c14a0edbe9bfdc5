using System.Globalization;
using ScaleSim.Training.Model;
using ScaleSim.Training.Runs;

namespace ScaleSim.Training.Sweeps;

/// <summary>One training run of a sweep, fully determined before it starts.</summary>
/// <param name="Id">Unique name; also the run's directory name.</param>
/// <param name="Role">IsoFLOP point, extra horizon or size-sweep width.</param>
/// <param name="Budget">The IsoFLOP budget it belongs to (null for a horizon run).</param>
/// <param name="Seed">Seed of its weights and data order.</param>
/// <param name="Model">Its shape.</param>
/// <param name="Batch">Sequences per step.</param>
/// <param name="Tokens">Tokens it trains on (whole steps).</param>
/// <param name="Flops">Its compute under the experiment's FLOP model.</param>
/// <param name="EstimatedSeconds">Single-core wall time estimate, when measured.</param>
public sealed record PlannedRun(string Id, RunRole Role, double? Budget, ulong Seed, TinyGpt Model, int Batch, long Tokens, double Flops, double? EstimatedSeconds = null)
{
    /// <summary>Optimizer steps.</summary>
    public long Steps => Tokens / ((long)Batch * Model.Context);

    /// <summary>The training config of this run (one CPU thread: sweeps train one run per core).</summary>
    public TrainingConfig ToConfig(ExperimentDefinition experiment) => new()
    {
        Layers = Model.Layers,
        DModel = Model.DModel,
        Heads = Model.Heads,
        Context = Model.Context,
        Tokens = Tokens,
        Batch = Batch,
        LearningRateNumerator = experiment.LearningRateNumerator,
        Seed = Seed,
        Data = experiment.Data,
        Threads = 1,
        EvalEvery = Math.Max(1, Steps / experiment.EvaluationsPerRun),
        ValidationSequences = experiment.ValidationSequences,
        FlopModel = experiment.FlopModel,
    };

    /// <summary>The id of an IsoFLOP run.</summary>
    public static string IsoFlopId(double budget, int width, ulong seed) =>
        string.Create(CultureInfo.InvariantCulture, $"c{budget:0.0e+0}-d{width}-s{seed}").Replace("+", "");

    /// <summary>The id of a size-sweep run.</summary>
    public static string SizeId(int width, ulong seed) =>
        string.Create(CultureInfo.InvariantCulture, $"d{width}-s{seed}");

    /// <summary>The id of a horizon run.</summary>
    public static string HorizonId(long tokens, int width, ulong seed) =>
        string.Create(CultureInfo.InvariantCulture, $"h{(double)tokens:0.0e+0}-d{width}-s{seed}").Replace("+", "");
}
