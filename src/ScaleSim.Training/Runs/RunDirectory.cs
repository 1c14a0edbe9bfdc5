using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ScaleSim.Training.Runs;

/// <summary>
/// A run's directory: config.json (the <see cref="TrainingConfig"/>), metrics.csv (one <see cref="MetricsRow"/> per
/// validation), summary.json (the <see cref="RunSummary"/>) and checkpoint.bin (the latest <see cref="Checkpoint"/>).
/// Every file is replaced atomically.
/// </summary>
public sealed class RunDirectory
{
    private RunDirectory(string path) => Path = path;

    /// <summary>The directory.</summary>
    public string Path { get; }

    /// <summary>config.json.</summary>
    public string ConfigPath => System.IO.Path.Combine(Path, "config.json");

    /// <summary>metrics.csv.</summary>
    public string MetricsPath => System.IO.Path.Combine(Path, "metrics.csv");

    /// <summary>summary.json.</summary>
    public string SummaryPath => System.IO.Path.Combine(Path, "summary.json");

    /// <summary>checkpoint.bin.</summary>
    public string CheckpointPath => System.IO.Path.Combine(Path, "checkpoint.bin");

    /// <summary>branch.json: where a branch continued its stem, when the run is one.</summary>
    public string BranchOriginPath => System.IO.Path.Combine(Path, "branch.json");

    /// <summary>The checkpoint a stem keeps of step <paramref name="step"/> for the branches that start there.</summary>
    public string StepCheckpointPath(long step) => StepCheckpointPathOf(Path, step);

    /// <summary>The checkpoint of step <paramref name="step"/> kept in the run directory <paramref name="directory"/>.</summary>
    public static string StepCheckpointPathOf(string directory, long step) =>
        System.IO.Path.Combine(directory, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"step-{step}.bin"));

    /// <summary>Creates the directory for a new run and writes its config; refuses a directory that already holds a run.</summary>
    public static RunDirectory Create(string path, TrainingConfig config)
    {
        var run = new RunDirectory(path);
        if (File.Exists(run.ConfigPath))
            throw InputException.About($"{InputName.Of("run_directory")} '{path}' already holds a run (resume it, or choose another directory)");
        try
        {
            Directory.CreateDirectory(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw InputException.About($"{InputName.Of("run_directory")} '{path}' cannot be created: {e.Message}", e);
        }
        run.WriteConfig(config);
        return run;
    }

    /// <summary>Opens an existing run for <c>--resume</c>.</summary>
    public static RunDirectory Open(string path)
    {
        var run = new RunDirectory(path);
        if (!File.Exists(run.ConfigPath)) throw InputException.About($"{InputName.Of("run_directory")} '{path}' holds no run (no config.json)");
        return run;
    }

    /// <summary>Reads config.json.</summary>
    public TrainingConfig ReadConfig()
    {
        try
        {
            return JsonSerializer.Deserialize<TrainingConfig>(File.ReadAllText(ConfigPath), RunJson.Options)
                ?? throw new InputException($"'{ConfigPath}' is empty");
        }
        catch (JsonException e)
        {
            throw new InputException($"'{ConfigPath}' is not a valid run config: {e.Message}", e);
        }
        catch (IOException e)
        {
            throw new InputException($"cannot read '{ConfigPath}': {e.Message}", e);
        }
    }

    /// <summary>Reads summary.json when present.</summary>
    public RunSummary? ReadSummary()
    {
        if (!File.Exists(SummaryPath)) return null;
        try
        {
            return JsonSerializer.Deserialize<RunSummary>(File.ReadAllText(SummaryPath), RunJson.Options);
        }
        catch (JsonException e)
        {
            throw new InputException($"'{SummaryPath}' is not a valid run summary: {e.Message}", e);
        }
    }

    /// <summary>Reads branch.json, or null when the run was trained from scratch.</summary>
    public BranchOrigin? ReadBranchOrigin()
    {
        if (!File.Exists(BranchOriginPath)) return null;
        try
        {
            return JsonSerializer.Deserialize<BranchOrigin>(File.ReadAllText(BranchOriginPath), RunJson.Options);
        }
        catch (JsonException e)
        {
            throw new InputException($"'{BranchOriginPath}' is not a valid branch record: {e.Message}", e);
        }
    }

    /// <summary>Writes branch.json.</summary>
    public void WriteBranchOrigin(BranchOrigin origin) => AtomicFile.WriteAllText(BranchOriginPath, JsonSerializer.Serialize(origin, RunJson.Options));

    /// <summary>Writes config.json.</summary>
    public void WriteConfig(TrainingConfig config) => AtomicFile.WriteAllText(ConfigPath, JsonSerializer.Serialize(config, RunJson.Options));

    /// <summary>Writes summary.json.</summary>
    public void WriteSummary(RunSummary summary) => AtomicFile.WriteAllText(SummaryPath, JsonSerializer.Serialize(summary, RunJson.Options));

    /// <summary>Rewrites metrics.csv from all rows.</summary>
    public void WriteMetrics(IReadOnlyList<MetricsRow> rows)
    {
        var text = new StringBuilder(MetricsRow.CsvHeader).Append('\n');
        foreach (var r in rows)
        {
            text.Append(r.Step.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(r.Tokens.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(Format(r.Flops)).Append(',')
                .Append(Format(r.TrainLoss)).Append(',')
                .Append(Format(r.ValidationLoss)).Append(',')
                .Append(Format(r.LearningRate)).Append(',')
                .Append(r.ElapsedSeconds.ToString("F3", CultureInfo.InvariantCulture)).Append('\n');
        }
        AtomicFile.WriteAllText(MetricsPath, text.ToString());
    }

    private static string Format(double x) => double.IsNaN(x) ? "" : x.ToString("R", CultureInfo.InvariantCulture);
}
