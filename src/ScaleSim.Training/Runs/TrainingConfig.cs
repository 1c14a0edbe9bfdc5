using System.Text.Json.Serialization;
using ScaleSim.Flops;
using ScaleSim.Training.Backends;
using ScaleSim.Training.Data;
using ScaleSim.Training.Model;
using ScaleSim.Training.Optimization;

namespace ScaleSim.Training.Runs;

/// <summary>
/// Everything that determines a training run's result: the shape (vocabulary comes from the data), the token
/// budget, the optimizer and schedule, the data and the seed. <see cref="Device"/> and <see cref="Threads"/> say
/// where it runs and do not change the result on the CPU backend. Saved as the run directory's config.json.
/// </summary>
public sealed record TrainingConfig
{
    /// <summary>Transformer blocks.</summary>
    public required int Layers { get; init; }

    /// <summary>Residual width.</summary>
    public required int DModel { get; init; }

    /// <summary>Attention heads.</summary>
    public required int Heads { get; init; }

    /// <summary>Sequence length.</summary>
    public required int Context { get; init; }

    /// <summary>Token budget D; the run takes round(D / (batch·context)) optimizer steps (at least one).</summary>
    public required long Tokens { get; init; }

    /// <summary>Sequences per optimizer step.</summary>
    public int Batch { get; init; } = 16;

    /// <summary>Peak learning rate; null applies <see cref="LearningRateRule"/> with <see cref="LearningRateNumerator"/>.</summary>
    public double? LearningRate { get; init; }

    /// <summary>c in the width rule η = c / d_model.</summary>
    public double LearningRateNumerator { get; init; } = LearningRateRule.DefaultNumerator;

    /// <summary>Share of the steps spent in linear warm-up.</summary>
    public double WarmupFraction { get; init; } = 0.05;

    /// <summary>Final learning rate as a fraction of the peak.</summary>
    public double FinalLearningRateFraction { get; init; } = 0.1;

    /// <summary>
    /// A warmup-stable-decay schedule, or null for warm-up then cosine decay over exactly the run's steps
    /// (<see cref="LearningRateSchedule"/>). With it, <see cref="WarmupFraction"/> is unused: the warm-up is counted in steps.
    /// </summary>
    public WarmupStableDecay? WarmupStableDecay { get; init; }

    /// <summary>AdamW β₁.</summary>
    public double Beta1 { get; init; } = 0.9;

    /// <summary>AdamW β₂.</summary>
    public double Beta2 { get; init; } = 0.95;

    /// <summary>AdamW ε.</summary>
    public double Epsilon { get; init; } = 1e-8;

    /// <summary>Decoupled weight decay λ (matrices and embeddings only).</summary>
    public double WeightDecay { get; init; } = 0.1;

    /// <summary>Global gradient-norm clip.</summary>
    public double GradientClip { get; init; } = 1.0;

    /// <summary>σ of the initial weights (<see cref="GptInitializer"/>).</summary>
    public double InitStd { get; init; } = GptInitializer.DefaultStd;

    /// <summary>Seed of the initial weights and of the training data order.</summary>
    public ulong Seed { get; init; }

    /// <summary>Where the tokens come from.</summary>
    public DataSourceSpec Data { get; init; } = DataSourceSpec.Default;

    /// <summary>The backend it trains on.</summary>
    public TrainingDevice Device { get; init; } = TrainingDevice.Auto;

    /// <summary>CPU backend threads.</summary>
    public int Threads { get; init; } = 1;

    /// <summary>Steps between validations (and checkpoints); null for about 50 per run.</summary>
    public long? EvalEvery { get; init; }

    /// <summary>Held-out sequences per validation: exactly these, whatever the batch, so every run is scored on the same set.</summary>
    public int ValidationSequences { get; init; } = 64;

    /// <summary>The FLOP model of metrics.csv's flops column (summary.json lists every model).</summary>
    public IFlopModel FlopModel { get; init; } = FlopModels.Kaplan;

    /// <summary>The model once the vocabulary is known.</summary>
    public TinyGpt ModelFor(int vocab) => new(Layers, DModel, Heads, Context, vocab);

    /// <summary>Optimizer steps: round(Tokens / (Batch·Context)), at least 1.</summary>
    [JsonIgnore]
    public long TotalSteps => Math.Max(1, (long)Math.Round((double)Tokens / ((double)Batch * Context)));

    /// <summary>Steps between validation rows.</summary>
    [JsonIgnore]
    public long EvalInterval => EvalEvery ?? Math.Max(1, (TotalSteps + 49) / 50);

    /// <summary>
    /// Whether the run validates (and checkpoints) once <paramref name="step"/> steps are taken: every
    /// <see cref="EvalInterval"/> steps, on the last step, and at the cool-down's own validations of a warmup-stable-decay
    /// schedule. A function of the step alone, so a run continued from another's checkpoint writes the same rows.
    /// </summary>
    public bool ValidatesAt(long step) =>
        step % EvalInterval == 0 || step == TotalSteps || WarmupStableDecay?.IsDecayValidation(step, TotalSteps) == true;

    /// <summary>The run's learning-rate schedule with peak <paramref name="peak"/>.</summary>
    public ILearningRateSchedule ScheduleFor(double peak) => WarmupStableDecay is { } wsd
        ? new WarmupStableDecaySchedule(peak, TotalSteps, wsd, FinalLearningRateFraction)
        : new LearningRateSchedule(peak, TotalSteps, WarmupFraction, FinalLearningRateFraction);

    /// <summary>Throws <see cref="InputException"/> naming the first bad field.</summary>
    public void Validate()
    {
        new TransformerShape(Layers, DModel, Heads, Context, 2).Validate();
        if (Tokens <= 0) throw InputException.About($"{InputName.Of("tokens")} must be positive, got {Tokens}");
        if (Batch <= 0) throw InputException.About($"{InputName.Of("batch")} must be positive, got {Batch}");
        if (LearningRate is { } lr && !(lr > 0 && double.IsFinite(lr))) throw InputException.About($"{InputName.Of("learning_rate")} must be a positive number, got {lr}");
        if (!(LearningRateNumerator > 0)) throw InputException.About($"{InputName.Of("learning_rate_numerator")} must be positive, got {LearningRateNumerator}");
        if (!(WarmupFraction >= 0 && WarmupFraction <= 1)) throw new InputException($"warm-up fraction must be in [0, 1], got {WarmupFraction}");
        if (!(FinalLearningRateFraction >= 0 && FinalLearningRateFraction <= 1)) throw new InputException($"final learning-rate fraction must be in [0, 1], got {FinalLearningRateFraction}");
        if (!(Beta1 >= 0 && Beta1 < 1) || !(Beta2 >= 0 && Beta2 < 1)) throw new InputException($"AdamW betas must be in [0, 1), got {Beta1} and {Beta2}");
        if (!(Epsilon > 0)) throw new InputException($"AdamW epsilon must be positive, got {Epsilon}");
        if (!(WeightDecay >= 0)) throw InputException.About($"{InputName.Of("weight_decay")} must be non-negative, got {WeightDecay}");
        if (!(GradientClip > 0)) throw InputException.About($"{InputName.Of("gradient_clip")} must be positive, got {GradientClip}");
        if (!(InitStd > 0)) throw new InputException($"init std must be positive, got {InitStd}");
        if (Threads <= 0) throw InputException.About($"{InputName.Of("threads")} must be positive, got {Threads}");
        if (EvalEvery is <= 0) throw InputException.About($"{InputName.Of("eval_every")} must be positive, got {EvalEvery}");
        if (ValidationSequences <= 0) throw InputException.About($"{InputName.Of("validation_sequences")} must be positive, got {ValidationSequences}");
        WarmupStableDecay?.Validate();
    }
}
