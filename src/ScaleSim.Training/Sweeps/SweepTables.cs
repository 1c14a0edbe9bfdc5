using System.Globalization;
using System.Text;
using ScaleSim.Runs;
using ScaleSim.Training.Runs;

namespace ScaleSim.Training.Sweeps;

/// <summary>
/// The sweep's tables, rebuilt from the completed run directories: runs.csv (one row per run, from summary.json) and
/// curves.csv (every validation of every run, from metrics.csv). Rows follow the plan's order and no column depends on
/// wall time, so a sweep killed and resumed writes the same files as one run straight through.
/// </summary>
public static class SweepTables
{
    /// <summary>The runs.csv header.</summary>
    public const string RunsHeader = "run,role,budget,seed,layers,d_model,heads,context,batch,steps,params,non_embedding_params,tokens,flops,flops_6nd,flops_kaplan,flops_hoffmann,loss,train_loss,entropy_floor,entropy_rate";

    /// <summary>The curves.csv header.</summary>
    public const string CurvesHeader = "run,params,non_embedding_params,tokens,flops,loss";

    /// <summary>Writes runs.csv and curves.csv into <paramref name="directory"/>; returns the number of completed runs.</summary>
    public static int Write(SweepPlan plan, string directory)
    {
        var runs = new StringBuilder(RunsHeader).Append('\n');
        var curves = new StringBuilder(CurvesHeader).Append('\n');
        int completed = 0;
        foreach (var run in plan.Runs)
        {
            var summary = SweepRunner.CompletedSummary(Path.Combine(directory, run.Id));
            if (summary is null) continue;
            completed++;
            string budget = run.Budget is { } b ? F(b) : "";
            runs.Append(string.Join(',', run.Id, run.Role == RunRole.IsoFlop ? "isoflop" : "horizon", budget, run.Seed.ToString(CultureInfo.InvariantCulture),
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
        }
        AtomicFile.WriteAllText(Path.Combine(directory, "runs.csv"), runs.ToString());
        AtomicFile.WriteAllText(Path.Combine(directory, "curves.csv"), curves.ToString());
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

    private static string I(int v) => v.ToString(CultureInfo.InvariantCulture);

    private static string L(long v) => v.ToString(CultureInfo.InvariantCulture);

    private static string F(double? v) => v is { } x ? x.ToString("R", CultureInfo.InvariantCulture) : "";
}
