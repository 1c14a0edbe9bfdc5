using System.Globalization;
using System.Text;
using ScaleSim.Runs;
using ScaleSim.Training.Runs;

namespace ScaleSim.Training.Sweeps;

/// <summary>
/// The sweep's tables, rebuilt from the completed run directories: runs.csv (one row per run, from summary.json),
/// curves.csv (every validation of every run, from metrics.csv) and, when the runs were scored on tasks, tasks.csv (one
/// row per run, task and metric, in the task-table format <c>scalesim tasks fit</c> reads). Rows follow the plan's order and no column depends on
/// wall time, so a sweep killed and resumed writes the same files as one run straight through.
/// </summary>
public static class SweepTables
{
    /// <summary>The runs.csv header.</summary>
    public const string RunsHeader = "run,role,budget,seed,layers,d_model,heads,context,batch,steps,params,non_embedding_params,tokens,flops,flops_6nd,flops_kaplan,flops_hoffmann,loss,train_loss,entropy_floor,entropy_rate";

    /// <summary>The curves.csv header.</summary>
    public const string CurvesHeader = "run,params,non_embedding_params,tokens,flops,loss";

    /// <summary>The tasks.csv header: a task table (docs/methods.md, "Task tables") with the model's scales and the task loss.</summary>
    public const string TasksHeader = "model,params,non_embedding_params,flops,tokens,task,metric,score,chance,examples,partial_credit,loss";

    /// <summary>The metric of the exact-match rows of tasks.csv.</summary>
    public const string ExactMatchMetric = "exact_match";

    /// <summary>The metric of the per-digit rows of tasks.csv.</summary>
    public const string PerDigitMetric = "per_digit";

    /// <summary>Writes runs.csv, curves.csv and (when any run has task scores) tasks.csv into <paramref name="directory"/>; returns the number of completed runs.</summary>
    public static int Write(SweepPlan plan, string directory)
    {
        var runs = new StringBuilder(RunsHeader).Append('\n');
        var curves = new StringBuilder(CurvesHeader).Append('\n');
        var tasks = new StringBuilder(TasksHeader).Append('\n');
        bool anyTasks = false;
        int completed = 0;
        foreach (var run in plan.Runs)
        {
            var summary = SweepRunner.CompletedSummary(Path.Combine(directory, run.Id));
            if (summary is null) continue;
            completed++;
            string budget = run.Budget is { } b ? F(b) : "";
            runs.Append(string.Join(',', run.Id, RoleName(run.Role), budget, run.Seed.ToString(CultureInfo.InvariantCulture),
                I(run.Model.Layers), I(run.Model.DModel), I(run.Model.Heads), I(run.Model.Context), I(run.Batch), L(summary.Steps),
                L(summary.Parameters), L(summary.NonEmbeddingParameters), L(summary.Tokens), F(summary.Flops[plan.Experiment.FlopModel]),
                F(summary.Flops["6nd"]), F(summary.Flops["kaplan"]), F(summary.Flops["hoffmann"]),
                F(summary.FinalValidationLoss), F(summary.FinalTrainLoss), F(summary.ValidationFloor ?? summary.EntropyFloor), F(summary.EntropyRate))).Append('\n');
            foreach (var point in ReadCurve(Path.Combine(directory, run.Id, "metrics.csv")))
            {
                double perToken = summary.Flops[plan.Experiment.FlopModel] / summary.Tokens;
                curves.Append(string.Join(',', run.Id, L(summary.Parameters), L(summary.NonEmbeddingParameters), L(point.Tokens),
                    F(perToken * point.Tokens), F(point.Loss))).Append('\n');
            }
            foreach (var (task, score) in summary.Tasks ?? new Dictionary<string, Tasks.TaskScore>())
            {
                anyTasks = true;
                string scales = string.Join(',', run.Id, L(summary.Parameters), L(summary.NonEmbeddingParameters), F(summary.Flops[plan.Experiment.FlopModel]), L(summary.Tokens), task);
                // Exact match counts examples; per-digit counts answer tokens, as the metric-artifact analysis samples them.
                tasks.Append(string.Join(',', scales, ExactMatchMetric, F(score.ExactMatch), Chance(score.ExactMatchChance), I(score.Examples), F(score.PerDigit), F(score.Loss))).Append('\n');
                tasks.Append(string.Join(',', scales, PerDigitMetric, F(score.PerDigit), Chance(score.Chance), I(score.Examples * score.AnswerLength), F(score.PerDigit), F(score.Loss))).Append('\n');
            }
        }
        AtomicFile.WriteAllText(Path.Combine(directory, "runs.csv"), runs.ToString());
        AtomicFile.WriteAllText(Path.Combine(directory, "curves.csv"), curves.ToString());
        if (anyTasks) AtomicFile.WriteAllText(Path.Combine(directory, "tasks.csv"), tasks.ToString());
        return completed;
    }

    /// <summary>The validations after the first step of a run's metrics.csv: (tokens, validation loss).</summary>
    private static IEnumerable<(long Tokens, double Loss)> ReadCurve(string path)
    {
        var raw = RawTable.Read(path);
        int tokens = raw.IndexOf("tokens"), loss = raw.IndexOf("val_loss");
        for (int r = 0; r < raw.Rows.Count; r++)
        {
            if (string.IsNullOrEmpty(raw.Rows[r][loss])) continue;
            long t = (long)raw.ParseNumber(r, tokens, "tokens", requirePositive: false);
            if (t > 0) yield return (t, raw.ParseNumber(r, loss, "validation loss", requirePositive: true));
        }
    }

    private static string RoleName(RunRole role) => role switch
    {
        RunRole.IsoFlop => "isoflop",
        RunRole.Horizon => "horizon",
        _ => "size",
    };

    // chance^L to twelve significant digits: 1E-04, not 0.00010000000000000002.
    private static string Chance(double v) => v.ToString("G12", CultureInfo.InvariantCulture);

    private static string I(int v) => v.ToString(CultureInfo.InvariantCulture);

    private static string L(long v) => v.ToString(CultureInfo.InvariantCulture);

    private static string F(double? v) => v is { } x ? x.ToString("R", CultureInfo.InvariantCulture) : "";
}
