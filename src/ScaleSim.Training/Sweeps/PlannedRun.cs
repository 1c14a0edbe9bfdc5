using System.Globalization;
using ScaleSim.Training.Model;
using ScaleSim.Training.Optimization;
using ScaleSim.Training.Runs;

namespace ScaleSim.Training.Sweeps;

/// <summary>One training run of a sweep, fully determined before it starts.</summary>
/// <param name="Id">Unique name; also the run's directory name.</param>
/// <param name="Role">IsoFLOP point, extra horizon, size-sweep width, stem or grid cell.</param>
/// <param name="Budget">The IsoFLOP budget it belongs to (null for other roles).</param>
/// <param name="Seed">Seed of its weights and data order.</param>
/// <param name="Model">Its shape.</param>
/// <param name="Batch">Sequences per step.</param>
/// <param name="Tokens">Tokens it trains on (whole steps), counting a branch's stem steps.</param>
/// <param name="Flops">Its compute under the experiment's FLOP model, counting a branch's stem steps.</param>
/// <param name="EstimatedSeconds">Single-core wall time estimate of what this run trains itself, when measured.</param>
public sealed record PlannedRun(string Id, RunRole Role, double? Budget, ulong Seed, TinyGpt Model, int Batch, long Tokens, double Flops, double? EstimatedSeconds = null)
{
    /// <summary>Optimizer steps.</summary>
    public long Steps => Tokens / ((long)Batch * Model.Context);

    /// <summary>Its warmup-stable-decay schedule, or null for cosine over its own steps.</summary>
    public WarmupStableDecay? Schedule { get; init; }

    /// <summary>Steps between validations, or null for the experiment's evaluations spread over the run.</summary>
    public long? EvalEvery { get; init; }

    /// <summary>c in η = c / d_model, or null for the experiment's.</summary>
    public double? LearningRateNumerator { get; init; }

    /// <summary>Share of the steps spent warming up, or null for the experiment's schedule rule.</summary>
    public double? WarmupFraction { get; init; }

    /// <summary>The protocol a ladder's run is trained under, or null outside a ladder.</summary>
    public LadderFamily? Family { get; init; }

    /// <summary>The tokens per parameter a grid cell asked for (the run's tokens are whole steps of them).</summary>
    public double? TokensPerParam { get; init; }

    /// <summary>The token count a grid cell asked for, when the grid gave tokens rather than tokens per parameter.</summary>
    public double? GridTokens { get; init; }

    /// <summary>A grid cell's token setting in words: "1e+06 tokens" or "20 tokens per parameter".</summary>
    public string TokenSetting => GridTokens is { } d
        ? string.Create(CultureInfo.InvariantCulture, $"{d:0.##e+0} tokens")
        : string.Create(CultureInfo.InvariantCulture, $"{TokensPerParam ?? (double)Tokens:0.###} tokens per parameter");

    /// <summary>The id of the stem a branch continues, or null for a run trained from scratch.</summary>
    public string? Stem { get; init; }

    /// <summary>The stem step a branch starts from (the first step of its cool-down).</summary>
    public long? BranchStep { get; init; }

    /// <summary>For a stem, the steps its branches start from, whose checkpoints it keeps.</summary>
    public IReadOnlyList<long> BranchSteps { get; init; } = [];

    /// <summary>Whether it continues a stem.</summary>
    public bool IsBranch => Stem is not null;

    /// <summary>The tokens this run trains itself: a branch's cool-down, otherwise all of them.</summary>
    public long OwnTokens => Tokens - (BranchStep ?? 0) * Batch * Model.Context;

    /// <summary>The compute this run spends itself (<see cref="OwnTokens"/> of it).</summary>
    public double OwnFlops => Tokens == 0 ? 0 : Flops * OwnTokens / Tokens;

    /// <summary>The training config of this run (one CPU thread: sweeps train one run per core).</summary>
    public TrainingConfig ToConfig(ExperimentDefinition experiment)
    {
        var config = new TrainingConfig
        {
            Layers = Model.Layers,
            DModel = Model.DModel,
            Heads = Model.Heads,
            Context = Model.Context,
            Tokens = Tokens,
            Batch = Batch,
            LearningRateNumerator = LearningRateNumerator ?? experiment.LearningRateNumerator,
            Seed = Seed,
            Data = experiment.Data,
            Threads = 1,
            EvalEvery = EvalEvery ?? Math.Max(1, Steps / experiment.EvaluationsPerRun),
            ValidationSequences = experiment.ValidationSequences,
            FlopModel = experiment.FlopModel,
        };
        double warmup = WarmupFraction ?? experiment.Schedule.WarmupFraction;
        if (warmup != config.WarmupFraction) config = config with { WarmupFraction = warmup };
        // Hägele et al. (2024) cool down to zero; the cosine runs keep their 10% floor.
        return Schedule is null ? config : config with { WarmupStableDecay = Schedule, FinalLearningRateFraction = 0 };
    }

    /// <summary>The id of an IsoFLOP run.</summary>
    public static string IsoFlopId(double budget, int width, ulong seed) =>
        string.Create(CultureInfo.InvariantCulture, $"c{budget:0.0e+0}-d{width}-s{seed}").Replace("+", "");

    /// <summary>The id of a size-sweep run.</summary>
    public static string SizeId(int width, ulong seed) =>
        string.Create(CultureInfo.InvariantCulture, $"d{width}-s{seed}");

    /// <summary>The id of a horizon run.</summary>
    public static string HorizonId(long tokens, int width, ulong seed) =>
        string.Create(CultureInfo.InvariantCulture, $"h{(double)tokens:0.0e+0}-d{width}-s{seed}").Replace("+", "");

    /// <summary>The id of a ladder's run: its family, its budget (matched runs), width and seed.</summary>
    public static string LadderId(LadderFamily family, double? budget, int width, ulong seed)
    {
        string prefix = family switch
        {
            LadderFamily.KaplanCurves => "kaplan",
            LadderFamily.ScaledWarmupCurves => "warmup",
            LadderFamily.MatchedCosine => "matched",
            _ => "tuned",
        };
        return budget is { } c ? $"{prefix}-{IsoFlopId(c, width, seed)}" : $"{prefix}-{SizeId(width, seed)}";
    }

    /// <summary>The id of a stem: one per width, seed and (in a grid) learning rate and batch.</summary>
    public static string StemId(int width, ulong seed, string? variant = null) =>
        string.Create(CultureInfo.InvariantCulture, $"stem-d{width}{variant}-s{seed}");
}
