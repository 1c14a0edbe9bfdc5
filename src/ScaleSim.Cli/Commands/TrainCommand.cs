using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ScaleSim.Cli.Output;
using ScaleSim.Training.Backends;
using ScaleSim.Training.Data;
using ScaleSim.Training.Runs;
using Spectre.Console;

namespace ScaleSim.Cli.Commands;

/// <summary>
/// <c>scalesim train</c>: trains one tiny GPT on a synthetic source or a text file, with a progress bar, writing a
/// run directory when <c>--out</c> is given. Exit codes: 0 completed, 2 bad input, 3 diverged, 130 interrupted.
/// </summary>
internal static class TrainCommand
{
    public const int Diverged = 3;
    public const int Interrupted = 130;

    public static Command Create(CliContext context)
    {
        var layers = TrainingOptions.Integer("--layers", "Transformer blocks L.");
        var dModel = TrainingOptions.Integer("--d-model", "Residual width d_model.");
        var heads = TrainingOptions.Integer("--heads", "Attention heads (must divide d_model).");
        var contextLength = TrainingOptions.Integer("--context", "Sequence length T.");
        var tokens = TrainingOptions.Count("--tokens", "Token budget D (e.g. 2e6); the cosine schedule spans exactly this many tokens.");
        var batch = TrainingOptions.Integer("--batch", "Sequences per optimizer step (default 16).");
        var lr = TrainingOptions.Number("--lr", "Peak learning rate (default: 0.5 / d_model, see docs/training.md).");
        var data = new Option<string>("--data")
        {
            Description = "synthetic[:k=2,V=64,seed=0,smin=2,smax=8,zipf=1,alpha=0.5] (a Markov source with a known entropy floor), tasks:addition=3,reverse=6,distractor=8,prior=0.9,order=lsb,rate=1,seed=0,eval=500 (synthetic tasks, scored at the end) or a text file (bytes).",
            DefaultValueFactory = _ => DataSourceSpec.Default.Text,
        };
        var device = TrainingOptions.Device();
        var threads = TrainingOptions.Threads();
        var seed = TrainingOptions.Count("--seed", "Seed of the initial weights and the data order (default 0).");
        var evalEvery = TrainingOptions.Count("--eval-every", "Steps between validations and checkpoints (default: about 50 per run).");
        var valSequences = TrainingOptions.Integer("--val-sequences", "Held-out sequences per validation (default 64).");
        var weightDecay = TrainingOptions.Number("--weight-decay", "AdamW decoupled weight decay (default 0.1).");
        var clip = TrainingOptions.Number("--clip", "Global gradient-norm clip (default 1.0).");
        var flopModel = new Option<string?>("--flop-model") { Description = "FLOP model of metrics.csv's flops column (default kaplan; summary.json has all)." };
        var output = new Option<string?>("--out") { Description = "Run directory (config.json, metrics.csv, summary.json, checkpoint.bin)." };
        var resume = new Option<bool>("--resume") { Description = "Continue the run in --out from its last checkpoint (bit-identical to an uninterrupted run)." };
        var json = new Option<bool>("--json") { Description = "Print summary.json on stdout (and nothing else); the same as --format json." };
        var format = CommonOptions.Format("one row of summary.json's fields");
        var command = new Command("train", "Train a tiny GPT and record its loss curve, FLOPs and the data's entropy floor.")
        {
            layers, dModel, heads, contextLength, tokens, batch, lr, data, device, threads, seed, evalEvery, valSequences, weightDecay, clip,
            flopModel, output, resume, json, format,
        };

        command.SetAction(parse =>
        {
            var outputFormat = CommonOptions.FormatOf(parse, format, json);
            int? threadCount = parse.GetValue(threads);
            if (threadCount is <= 0) throw new InputException($"--threads must be positive, got {threadCount}");
            string? outDir = parse.GetValue(output);
            using var cancel = new CancellationTokenSource();
            ConsoleCancelEventHandler onCancel = (_, e) =>
            {
                if (cancel.IsCancellationRequested) return;
                e.Cancel = true;
                cancel.Cancel();
            };
            Console.CancelKeyPress += onCancel;
            try
            {
                RunSummary summary;
                if (parse.GetValue(resume))
                {
                    if (outDir is null) throw new InputException("--resume needs --out naming the run directory");
                    var given = new Option[] { layers, dModel, heads, contextLength, tokens, batch, lr, seed, evalEvery, valSequences, weightDecay, clip, flopModel }
                        .Where(o => parse.GetResult(o) is { Implicit: false }).Select(o => o.Name).ToList();
                    if (parse.GetResult(data) is { Implicit: false }) given.Add(data.Name);
                    if (given.Count > 0)
                        throw new InputException($"--resume takes the run's config.json; drop {string.Join(", ", given)} (only --device and --threads may change)");
                    if (!File.Exists(Path.Combine(outDir, "config.json"))) throw new InputException($"--resume: '{outDir}' holds no run (no config.json)");
                    TrainingDevice? deviceKind = parse.GetResult(device) is { Implicit: false } ? TrainingDevices.Parse(parse.GetValue(device)!) : null;
                    summary = WithProgress(context, progress => Trainer.Resume(outDir, progress, cancel.Token, threadCount, deviceKind));
                }
                else
                {
                    var config = new TrainingConfig
                    {
                        Layers = TrainingOptions.Required(parse.GetValue(layers), "--layers"),
                        DModel = TrainingOptions.Required(parse.GetValue(dModel), "--d-model"),
                        Heads = TrainingOptions.Required(parse.GetValue(heads), "--heads"),
                        Context = TrainingOptions.Required(parse.GetValue(contextLength), "--context"),
                        Tokens = parse.GetValue(tokens) ?? throw new InputException("--tokens is required"),
                        Batch = parse.GetValue(batch) ?? 16,
                        LearningRate = parse.GetValue(lr),
                        Data = DataSourceSpec.Parse(parse.GetValue(data)!),
                        Device = TrainingDevices.Parse(parse.GetValue(device)!),
                        Threads = threadCount ?? Environment.ProcessorCount,
                        Seed = parse.GetValue(seed) is { } s ? (s >= 0 ? (ulong)s : throw new InputException($"--seed must be non-negative, got {s}")) : 0,
                        EvalEvery = parse.GetValue(evalEvery),
                        ValidationSequences = parse.GetValue(valSequences) ?? 64,
                        WeightDecay = parse.GetValue(weightDecay) ?? 0.1,
                        GradientClip = parse.GetValue(clip) ?? 1.0,
                        FlopModel = parse.GetValue(flopModel) is { } model ? ScaleSim.Flops.FlopModels.Parse(model) : ScaleSim.Flops.FlopModels.Kaplan,
                    };
                    config.Validate();
                    var source = config.Data.Open();
                    summary = WithProgress(context, progress => Trainer.Run(config, outDir, progress, cancel.Token, source));
                }

                Report(context, summary, outDir, outputFormat);
                return summary.Status switch
                {
                    RunStatus.Completed => 0,
                    RunStatus.Diverged => Diverged,
                    _ => Interrupted,
                };
            }
            finally
            {
                Console.CancelKeyPress -= onCancel;
            }
        });
        return command;
    }

    /// <summary>A live bar on an interactive terminal; otherwise one line per validation on stderr.</summary>
    private static RunSummary WithProgress(CliContext context, Func<IProgress<TrainingProgress>, RunSummary> train)
    {
        if (!context.ErrorConsole.Profile.Capabilities.Interactive)
            return train(new LineProgress(context.Error));

        RunSummary? summary = null;
        context.ErrorConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("starting", maxValue: 1);
                summary = train(new BarProgress(task));
            });
        return summary!;
    }

    private static string Describe(in TrainingProgress p) => string.Create(CultureInfo.InvariantCulture,
        $"tokens {TrainingOptions.Human(p.Tokens)}/{TrainingOptions.Human(p.TotalTokens)}  {TrainingOptions.Human(p.TokensPerSecond)} tok/s  " +
        $"loss {p.TrainLoss:F3}  val {p.ValidationLoss:F3}  ETA {TrainingOptions.Duration(p.EtaSeconds)}");

    private sealed class BarProgress(ProgressTask task) : IProgress<TrainingProgress>
    {
        private long _lastTicks;

        public void Report(TrainingProgress value)
        {
            long now = Environment.TickCount64;
            if (now - _lastTicks < 100 && value.Step != value.TotalSteps) return;
            _lastTicks = now;
            task.MaxValue = value.TotalTokens;
            task.Value = value.Tokens;
            task.Description = Markup.Escape(Describe(value));
        }
    }

    private sealed class LineProgress(TextWriter error) : IProgress<TrainingProgress>
    {
        private double _lastValidation = double.NaN;

        public void Report(TrainingProgress value)
        {
            if (value.ValidationLoss.Equals(_lastValidation) && value.Step != value.TotalSteps) return;
            _lastValidation = value.ValidationLoss;
            error.WriteLine($"step {value.Step}/{value.TotalSteps}  {Describe(value)}");
        }
    }

    private static void Report(CliContext context, RunSummary summary, string? outDir, OutputFormat format)
    {
        if (format == OutputFormat.Json)
        {
            context.Out.WriteLine(JsonSerializer.Serialize(summary, RunJson.Options));
            return;
        }
        if (format == OutputFormat.Csv)
        {
            CsvOutput.WriteRows(context.Out, [JsonNode.Parse(JsonSerializer.Serialize(summary, RunJson.Options))!.AsObject()]);
            return;
        }
        if (summary.Status != RunStatus.Completed) context.Warn(summary.Message ?? summary.Status.ToString());

        string F(double? x, string format = "F4") => x is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "-";
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumn("measure");
        table.AddColumn(new TableColumn("value").RightAligned());
        void Row(string name, string value) => table.AddRow(Markup.Escape(name), Markup.Escape(value));
        Row("status", summary.Status.ToString().ToLowerInvariant());
        Row("backend", summary.Backend);
        Row("data", summary.Data);
        Row("parameters", summary.Parameters.ToString(CultureInfo.InvariantCulture));
        Row("non-embedding parameters", summary.NonEmbeddingParameters.ToString(CultureInfo.InvariantCulture));
        Row("steps", $"{summary.Steps}/{summary.TotalSteps}");
        Row("tokens", summary.Tokens.ToString(CultureInfo.InvariantCulture));
        Row($"FLOPs ({summary.FlopModel})", summary.Flops[summary.FlopModel].ToString("G4", CultureInfo.InvariantCulture));
        Row("peak learning rate", summary.PeakLearningRate.ToString("G4", CultureInfo.InvariantCulture));
        Row("final train loss", F(summary.FinalTrainLoss));
        Row("final validation loss", F(summary.FinalValidationLoss));
        if (summary.EntropyFloor is not null) Row("entropy floor (this context)", F(summary.EntropyFloor));
        if (summary.EntropyRate is not null) Row("entropy rate", F(summary.EntropyRate));
        if (summary.ValidationFloor is not null) Row("validation-set floor", F(summary.ValidationFloor));
        foreach (var (task, score) in summary.Tasks ?? new Dictionary<string, ScaleSim.Training.Tasks.TaskScore>())
            Row($"{task}: exact match / per-digit / loss", $"{F(score.ExactMatch, "F3")} / {F(score.PerDigit, "F3")} / {F(score.Loss, "F3")} ({score.Examples} examples)");
        Row("elapsed", TrainingOptions.Duration(summary.ElapsedSeconds));
        if (outDir is not null) Row("run directory", outDir);
        context.Console.Write(table);
    }
}
