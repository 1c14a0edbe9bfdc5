using System.Diagnostics;
using ScaleSim.Flops;
using ScaleSim.Training.Backends;
using ScaleSim.Training.Data;
using ScaleSim.Training.Model;
using ScaleSim.Training.Optimization;
using ScaleSim.Training.Tasks;

namespace ScaleSim.Training.Runs;

/// <summary>
/// The training loop: batch of step s from the source, forward, backward, global-norm clip, AdamW at the
/// scheduled learning rate; validation, metrics and a checkpoint at every step <see cref="TrainingConfig.ValidatesAt"/>;
/// divergence and cancellation checks between steps.
/// </summary>
internal sealed class TrainingRun : IDisposable
{
    /// <summary>A step loss above this multiple of ln V (the loss of the uniform guess) counts as a blow-up.</summary>
    public const double BlowUpFactor = 2.0;

    private readonly TrainingConfig _config;
    private readonly ITokenSource _source;
    private readonly TinyGpt _model;
    private readonly ITrainingBackend _backend;
    private readonly ILearningRateSchedule _schedule;
    private readonly IFlopModel _flopModel;
    private readonly int[] _inputs, _targets, _validationInputs, _validationTargets;
    private readonly float[] _probabilities;
    private ValidationSet? _validation;

    public TrainingRun(TrainingConfig config, ITokenSource source)
    {
        _config = config;
        _source = source;
        _model = config.ModelFor(source.Vocab);
        _model.Validate();
        if (source is ByteTextSource text) text.CheckFits(config.Context);
        if (source is TaskSource tasks) tasks.CheckFits(config.Context);
        _flopModel = config.FlopModel;
        double peak = config.LearningRate ?? new LearningRateRule(config.LearningRateNumerator).PeakFor(_model);
        _schedule = config.ScheduleFor(peak);
        _backend = TrainingBackends.Create(config.Device, _model, config.Batch, config.Threads);
        _inputs = new int[config.Batch * config.Context];
        _targets = new int[config.Batch * config.Context];
        _validationInputs = new int[config.Batch * config.Context];
        _validationTargets = new int[config.Batch * config.Context];
        _probabilities = new float[checked(config.Batch * config.Context * _model.Vocab)];
    }

    public ParameterLayout Layout => _backend.Layout;

    /// <summary>
    /// Trains from <paramref name="checkpoint"/> (or from scratch) to the end of the run. At each step of
    /// <paramref name="keepCheckpointsAt"/> the exact state is also kept as its own file
    /// (<see cref="RunDirectory.StepCheckpointPath"/>): where the branches of a stem start.
    /// </summary>
    public RunSummary Train(RunDirectory? directory, Checkpoint? checkpoint, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken,
        IReadOnlySet<long>? keepCheckpointsAt = null)
    {
        var layout = _backend.Layout;
        long totalSteps = _config.TotalSteps, tokensPerStep = (long)_config.Batch * _config.Context;
        double flopsPerToken = _model.TrainingFlopsPerToken(_flopModel);
        var metrics = new List<MetricsRow>();
        // Asked for in batches of one, the set is exactly the sequences asked for, the same for every batch size; the
        // last batch of a validation is padded (Validate).
        _validation = _source.Validation(1, _config.Context, _config.ValidationSequences);
        long step;
        double pendingSum, elapsedBefore, lastValidation;
        long pendingCount;
        if (checkpoint is null)
        {
            var weights = new float[layout.Count];
            GptInitializer.Initialize(layout, weights, _config.Seed, _config.InitStd);
            _backend.SetParameters(weights);
            var zeros = new float[layout.Count];
            _backend.SetOptimizerState(zeros, zeros);
            step = 0;
            pendingSum = 0;
            pendingCount = 0;
            elapsedBefore = 0;
            lastValidation = Validate();
            metrics.Add(new MetricsRow(0, 0, 0, double.NaN, lastValidation, double.NaN, 0));
            directory?.WriteMetrics(metrics);
        }
        else
        {
            _backend.SetParameters(checkpoint.Parameters);
            _backend.SetOptimizerState(checkpoint.FirstMoment, checkpoint.SecondMoment);
            step = checkpoint.Step;
            pendingSum = checkpoint.PendingLossSum;
            pendingCount = checkpoint.PendingLossCount;
            elapsedBefore = checkpoint.ElapsedSeconds;
            lastValidation = checkpoint.LastValidationLoss;
            metrics.AddRange(checkpoint.Metrics);
            directory?.WriteMetrics(metrics);
        }

        var clock = Stopwatch.StartNew();
        long sessionStartStep = step;
        double Elapsed() => elapsedBefore + clock.Elapsed.TotalSeconds;
        var status = RunStatus.Completed;
        string? message = null;
        double blowUp = BlowUpFactor * Math.Log(_model.Vocab);
        double lr = double.NaN;

        while (step < totalSteps)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                status = RunStatus.Interrupted;
                message = $"interrupted after step {step} of {totalSteps}";
                break;
            }

            _source.TrainingBatch(_config.Seed, step, _config.Batch, _config.Context, _inputs, _targets);
            float loss = _backend.Forward(_inputs, _targets);
            if (!float.IsFinite(loss) || loss > blowUp)
            {
                status = RunStatus.Diverged;
                message = $"training loss {loss} at step {step + 1} (blow-up threshold {blowUp:F3} = {BlowUpFactor}·ln V)";
                metrics.Add(new MetricsRow(step + 1, (step + 1) * tokensPerStep, (step + 1) * tokensPerStep * flopsPerToken, loss, double.NaN, _schedule.At(step), Elapsed()));
                break;
            }
            _backend.Backward();
            double norm = _backend.GradientNorm();
            if (!double.IsFinite(norm))
            {
                status = RunStatus.Diverged;
                message = $"gradient norm {norm} at step {step + 1}";
                metrics.Add(new MetricsRow(step + 1, (step + 1) * tokensPerStep, (step + 1) * tokensPerStep * flopsPerToken, loss, double.NaN, _schedule.At(step), Elapsed()));
                break;
            }
            lr = _schedule.At(step);
            double scale = norm > _config.GradientClip ? _config.GradientClip / norm : 1.0;
            _backend.Step(new AdamWStep(lr, _config.Beta1, _config.Beta2, _config.Epsilon, _config.WeightDecay, step + 1, scale));
            step++;
            pendingSum += loss;
            pendingCount++;

            if (_config.ValidatesAt(step))
            {
                lastValidation = Validate();
                metrics.Add(new MetricsRow(step, step * tokensPerStep, step * tokensPerStep * flopsPerToken, pendingSum / pendingCount, lastValidation, lr, Elapsed()));
                pendingSum = 0;
                pendingCount = 0;
                if (directory is not null)
                {
                    SaveCheckpoint(directory.CheckpointPath, step, metrics, pendingSum, pendingCount, lastValidation, Elapsed());
                    directory.WriteMetrics(metrics);
                }
            }
            // After the step's validation, as a run continued from here would find it.
            if (directory is not null && keepCheckpointsAt?.Contains(step) == true)
                SaveCheckpoint(directory.StepCheckpointPath(step), step, metrics, pendingSum, pendingCount, lastValidation, Elapsed());

            double seconds = clock.Elapsed.TotalSeconds;
            progress?.Report(new TrainingProgress(step, totalSteps, step * tokensPerStep, totalSteps * tokensPerStep,
                seconds > 0 ? (step - sessionStartStep) * tokensPerStep / seconds : 0, loss, lastValidation, lr, Elapsed()));
        }

        if (status == RunStatus.Interrupted && directory is not null)
        {
            SaveCheckpoint(directory.CheckpointPath, step, metrics, pendingSum, pendingCount, lastValidation, Elapsed());
            directory.WriteMetrics(metrics);
        }
        if (status == RunStatus.Diverged) directory?.WriteMetrics(metrics);

        var scores = status == RunStatus.Completed ? ScoreTasks() : null;
        var summary = Summarize(status, message, step, metrics, Elapsed()) with { Tasks = scores };
        directory?.WriteSummary(summary);
        return summary;
    }

    public void Dispose() => _backend.Dispose();

    private void SaveCheckpoint(string path, long step, List<MetricsRow> metrics, double pendingSum, long pendingCount, double lastValidation, double elapsed)
    {
        int n = _backend.Layout.Count;
        var p = new float[n];
        var m = new float[n];
        var v = new float[n];
        _backend.GetParameters(p);
        _backend.GetOptimizerState(m, v);
        new Checkpoint(step, p, m, v, [.. metrics], pendingSum, pendingCount, lastValidation, elapsed).Save(path);
    }

    /// <summary>Each task's score on its held-out examples, when the source is a task source.</summary>
    private Dictionary<string, TaskScore>? ScoreTasks()
    {
        if (_source is not TaskSource tasks) return null;
        return tasks.Tasks.Select((task, i) => (task.Name, Score: TaskScorer.Score(_backend, tasks.EvaluationSet(i, _config.Context))))
            .ToDictionary(t => t.Name, t => t.Score);
    }

    /// <summary>
    /// Mean validation loss over the fixed set: the expected cross-entropy against the true next-token distributions
    /// when the source knows them, else the cross-entropy with the held-out targets.
    /// </summary>
    private double Validate()
    {
        var set = _validation!;
        int batch = _config.Batch, context = _config.Context, v = _model.Vocab, perBatch = batch * context;
        var (probs, inputs, targets) = (_probabilities, _validationInputs, _validationTargets);
        double total = 0;
        for (int first = 0; first < set.Sequences; first += batch)
        {
            // A last batch with fewer sequences than the batch is filled up with the set's first sequences, which are
            // scored but not counted.
            int rows = Math.Min(batch, set.Sequences - first);
            for (int r = 0; r < batch; r++)
            {
                int s = r < rows ? first + r : r % set.Sequences;
                set.Inputs.AsSpan(s * context, context).CopyTo(inputs.AsSpan(r * context));
                set.Targets.AsSpan(s * context, context).CopyTo(targets.AsSpan(r * context));
            }
            float loss = _backend.Forward(inputs, targets);
            if (set.TrueDistributions is null && rows == batch)
            {
                total += (double)loss * perBatch;
                continue;
            }
            _backend.GetProbabilities(probs);
            int counted = rows * context;
            if (set.TrueDistributions is null)
            {
                for (int i = 0; i < counted; i++) total -= Math.Log(Math.Max(probs[(long)i * v + targets[i]], 1e-30f));
                continue;
            }
            var truth = set.TrueDistributions.AsSpan(checked(first * context * v), counted * v);
            for (int i = 0; i < truth.Length; i++)
            {
                if (truth[i] > 0) total -= truth[i] * Math.Log(Math.Max(probs[i], 1e-30f));
            }
        }
        return total / ((long)set.Sequences * context);
    }

    private RunSummary Summarize(RunStatus status, string? message, long steps, List<MetricsRow> metrics, double elapsed)
    {
        long tokens = steps * _config.Batch * _config.Context;
        var perToken = _model.TrainingFlopsPerTokenByModel();
        var last = metrics.LastOrDefault(r => !double.IsNaN(r.ValidationLoss));
        var lastTrain = metrics.LastOrDefault(r => !double.IsNaN(r.TrainLoss));
        return new RunSummary
        {
            ScaleSimVersion = global::ScaleSim.ScaleSimVersion.Current,
            Status = status,
            Message = message,
            Backend = _backend.Name,
            Data = _source.Description,
            Vocab = _model.Vocab,
            Parameters = _model.Parameters,
            NonEmbeddingParameters = _model.NonEmbeddingParameters,
            Steps = steps,
            TotalSteps = _config.TotalSteps,
            Tokens = tokens,
            FlopModel = _flopModel.Name,
            Flops = perToken.ToDictionary(kv => kv.Key, kv => kv.Value * tokens),
            FlopsPerToken = perToken,
            PeakLearningRate = _schedule.Peak,
            FinalValidationLoss = metrics.Count > 0 && !double.IsNaN(last.ValidationLoss) ? last.ValidationLoss : null,
            FinalTrainLoss = metrics.Count > 0 && !double.IsNaN(lastTrain.TrainLoss) ? lastTrain.TrainLoss : null,
            EntropyRate = _source.EntropyRate,
            EntropyFloor = _source.EntropyFloor(_config.Context),
            ValidationFloor = _validation?.Floor,
            UnigramEntropy = _source.UnigramEntropy,
            ElapsedSeconds = elapsed,
            Metrics = metrics,
        };
    }
}
