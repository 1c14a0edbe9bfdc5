using System.Globalization;
using System.Text;
using ScaleSim.Training.Runs;

namespace ScaleSim.Training.Sweeps;

/// <summary>
/// The sweep's tables, rebuilt from the completed run directories: runs.csv (one <see cref="SweepRunRecord"/> per run,
/// from summary.json), curves.csv (every validation of every run, <see cref="SweepCurvePoint"/>s from metrics.csv) and,
/// when the runs were scored on tasks, tasks.csv (one row per run, task and metric, in the task-table format
/// <c>scalesim tasks fit</c> reads). Rows follow the plan's order and no column depends on wall time, so a sweep killed
/// and resumed writes the same files as one run straight through. Numbers are written to round-trip exactly.
/// </summary>
public static class SweepTables
{
    /// <summary>The tasks.csv header: a task table (docs/methods.md, "Task tables") with the model's scales and the task loss.</summary>
    public const string TasksHeader = "model,params,non_embedding_params,flops,tokens,task,metric,score,chance,examples,partial_credit,loss";

    /// <summary>The metric of the exact-match rows of tasks.csv.</summary>
    public const string ExactMatchMetric = "exact_match";

    /// <summary>The metric of the per-digit rows of tasks.csv.</summary>
    public const string PerDigitMetric = "per_digit";

    /// <summary>Writes runs.csv, curves.csv and (when any run has task scores) tasks.csv into <paramref name="directory"/>; returns the number of completed runs.</summary>
    public static int Write(SweepPlan plan, string directory)
    {
        var runs = new StringBuilder(string.Join(',', SweepColumns.RunsTable)).Append('\n');
        var curves = new StringBuilder(string.Join(',', SweepColumns.CurvesTable)).Append('\n');
        var tasks = new StringBuilder(TasksHeader).Append('\n');
        string flopModel = plan.Experiment.FlopModel.Name;
        bool anyTasks = false;
        int completed = 0;
        // A stem is not a point: its loss is that of a run still at its peak rate, and its branches' curves hold its steps.
        foreach (var run in plan.Runs.Where(r => r.Role != RunRole.Stem))
        {
            var summary = SweepRunner.CompletedSummary(Path.Combine(directory, run.Id));
            if (summary is null) continue;
            completed++;
            var record = Record(run, summary, flopModel);
            runs.Append(string.Join(',', Cells(record))).Append('\n');
            double perToken = summary.Flops[flopModel] / summary.Tokens;
            foreach (var point in ReadCurve(Path.Combine(directory, run.Id, "metrics.csv")))
            {
                var curvePoint = new SweepCurvePoint(run.Id, summary.Parameters, summary.NonEmbeddingParameters, point.Tokens, perToken * point.Tokens, point.Loss);
                curves.Append(string.Join(',', Cells(curvePoint))).Append('\n');
            }
            foreach (var (task, score) in summary.Tasks ?? new Dictionary<string, Tasks.TaskScore>())
            {
                anyTasks = true;
                string scales = string.Join(',', run.Id, L(summary.Parameters), L(summary.NonEmbeddingParameters), F(summary.Flops[flopModel]), L(summary.Tokens), task);
                // Exact match counts examples; per-digit counts answer tokens, as the metric-artifact analysis samples them.
                tasks.Append(string.Join(',', scales, ExactMatchMetric, F(score.ExactMatch), Chance(score.ExactMatchChance), I(score.Examples), F(score.PerDigit), F(score.Loss))).Append('\n');
                tasks.Append(string.Join(',', scales, PerDigitMetric, F(score.PerDigit), Chance(score.Chance), I(score.Examples * score.AnswerLength), F(score.PerDigit), F(score.Loss))).Append('\n');
            }
        }
        // Temporary names of this writer's own: the tables lock keeps writers apart, but a broken lock must not make
        // two of them write into one temporary file.
        string unique = ".tmp-" + Guid.NewGuid().ToString("N");
        void Publish(string file, StringBuilder text) =>
            AtomicFile.WriteAllText(Path.Combine(directory, file), text.ToString(), Path.Combine(directory, file + unique));
        Publish(SweepResults.RunsFile, runs);
        Publish(SweepResults.CurvesFile, curves);
        if (anyTasks) Publish(SweepResults.TasksFile, tasks);
        return completed;
    }

    /// <summary>A completed run's row of runs.csv.</summary>
    public static SweepRunRecord Record(PlannedRun run, RunSummary summary, string flopModel) => new(
        run.Id, run.Role, run.Budget, run.Seed, run.Model.Layers, run.Model.DModel, run.Model.Heads, run.Model.Context, run.Batch, summary.Steps,
        summary.Parameters, summary.NonEmbeddingParameters, summary.Tokens, summary.Flops[flopModel],
        summary.Flops["6nd"], summary.Flops["kaplan"], summary.Flops["hoffmann"],
        summary.FinalValidationLoss, summary.FinalTrainLoss, summary.ValidationFloor ?? summary.EntropyFloor, summary.EntropyRate);

    /// <summary>The name runs.csv gives a role.</summary>
    public static string RoleName(RunRole role) => role switch
    {
        RunRole.IsoFlop => "isoflop",
        RunRole.Horizon => "horizon",
        RunRole.Stem => "stem",
        RunRole.Grid => "grid",
        _ => "size",
    };

    // In the order of SweepColumns.RunsTable.
    private static IEnumerable<string> Cells(SweepRunRecord r) =>
    [
        r.Run, RoleName(r.Role), F(r.Budget), r.Seed.ToString(CultureInfo.InvariantCulture), I(r.Layers), I(r.DModel), I(r.Heads), I(r.Context), I(r.Batch), L(r.Steps),
        L(r.Params), L(r.NonEmbeddingParams), L(r.Tokens), F(r.Flops), F(r.Flops6nd), F(r.FlopsKaplan), F(r.FlopsHoffmann),
        F(r.Loss), F(r.TrainLoss), F(r.EntropyFloor), F(r.EntropyRate),
    ];

    // In the order of SweepColumns.CurvesTable.
    private static IEnumerable<string> Cells(SweepCurvePoint p) => [p.Run, L(p.Params), L(p.NonEmbeddingParams), L(p.Tokens), F(p.Flops), F(p.Loss)];

    /// <summary>The validations after the first step of a run's metrics.csv: (tokens, validation loss).</summary>
    private static IEnumerable<(long Tokens, double Loss)> ReadCurve(string path)
    {
        var raw = ScaleSim.Runs.RawTable.Read(path);
        int tokens = raw.IndexOf("tokens"), loss = raw.IndexOf("val_loss");
        for (int r = 0; r < raw.Rows.Count; r++)
        {
            if (string.IsNullOrEmpty(raw.Rows[r][loss])) continue;
            long t = (long)raw.ParseNumber(r, tokens, "tokens", requirePositive: false);
            if (t > 0) yield return (t, raw.ParseNumber(r, loss, "validation loss", requirePositive: true));
        }
    }

    // chance^L to twelve significant digits: 1E-04, not 0.00010000000000000002.
    private static string Chance(double v) => v.ToString("G12", CultureInfo.InvariantCulture);

    private static string I(int v) => v.ToString(CultureInfo.InvariantCulture);

    private static string L(long v) => v.ToString(CultureInfo.InvariantCulture);

    private static string F(double? v) => v is { } x ? x.ToString("R", CultureInfo.InvariantCulture) : "";
}
